package io.delineo.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/me")
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String name, List<String> roles) {
    }

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Roles.READER, Roles.PI, Roles.BOARD, Roles.ADMIN})
    @Operation(summary = "The signed-in user's name and Delineo roles")
    public Me me() {
        CurrentUser.Snapshot user = currentUser.get();
        List<String> roles = user.roles().stream()
                .filter(r -> List.of(Roles.READER, Roles.PI, Roles.BOARD, Roles.ADMIN).contains(r))
                .sorted().toList();
        return new Me(user.name(), roles);
    }
}
