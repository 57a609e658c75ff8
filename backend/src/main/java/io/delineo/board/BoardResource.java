package io.delineo.board;

import io.delineo.board.BoardViews.BoardCase;
import io.delineo.board.BoardViews.BoardListItem;
import io.delineo.board.BoardViews.DecisionInput;
import io.delineo.board.BoardViews.DecisionView;
import io.delineo.board.BoardViews.ReleaseInput;
import io.delineo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/board/cases")
@Tag(name = "Tumour board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {
    @Inject
    BoardService board;

    @GET
    @RolesAllowed({Roles.BOARD, Roles.PI})
    @Operation(summary = "Cases released to the tumour board")
    public List<BoardListItem> list() {
        return board.list();
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.BOARD, Roles.PI})
    @Operation(summary = "A released case: consensus ROI, agreement, key features, predictions, pathology if released")
    public BoardCase get(@PathParam("caseId") long caseId) {
        return board.view(caseId);
    }

    @GET
    @Path("/{caseId}/decision")
    @RolesAllowed({Roles.BOARD, Roles.PI})
    @Operation(summary = "The board's decisions on the case, newest version first")
    public List<DecisionView> decisions(@PathParam("caseId") long caseId) {
        return board.decisions(caseId);
    }

    @POST
    @Path("/{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD)
    @Operation(summary = "Record a decision (a new version): final grade, treatment, note, attendees")
    public DecisionView decide(@PathParam("caseId") long caseId, DecisionInput in) {
        return board.decide(caseId, in);
    }

    @GET
    @Path("/{caseId}/report")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.BOARD, Roles.PI})
    @Operation(summary = "Printable case report (HTML; print to PDF from the browser)")
    public String report(@PathParam("caseId") long caseId) {
        return BoardReport.html(board.view(caseId));
    }

    @POST
    @Path("/{caseId}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Release a case (with an approved consensus) to the tumour board")
    public void release(@PathParam("caseId") long caseId, ReleaseInput in) {
        board.release(caseId, in == null ? null : in.note());
    }

    @DELETE
    @Path("/{caseId}/release")
    @RolesAllowed(Roles.PI)
    @Operation(summary = "Withdraw a case from the tumour board")
    public void withdraw(@PathParam("caseId") long caseId) {
        board.withdraw(caseId);
    }
}
