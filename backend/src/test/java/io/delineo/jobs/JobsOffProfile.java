package io.delineo.jobs;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The portal without its own scheduler, so a test decides which "replicas" run items and when. */
public class JobsOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("delineo.jobs.enabled", "false");
    }
}
