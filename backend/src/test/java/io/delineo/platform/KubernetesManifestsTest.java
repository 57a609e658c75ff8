package io.delineo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest under deploy/kubernetes/ against the Kubernetes 1.32 API schema (the official Java client's models,
 * generated from that release's OpenAPI document): no unknown field, every required field, the right JSON types, the
 * right apiVersion per kind; then the references between the manifests (selectors, names, ports) hold.
 */
class KubernetesManifestsTest {
    static final Path MANIFESTS = Path.of("../deploy/kubernetes");
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Gson as the client sets it up for what the manifests can hold (timestamps are ISO-8601 strings). */
    static final Gson MODEL_BINDING = new GsonBuilder().registerTypeAdapter(OffsetDateTime.class,
            (JsonDeserializer<OffsetDateTime>) (json, type, context) -> OffsetDateTime.parse(json.getAsString())).create();

    interface SchemaCheck {
        void validate(JsonElement manifest) throws IOException;
    }

    record Kind(String apiVersion, Class<?> model, SchemaCheck check) {
    }

    /** The kinds the deployment uses, with the API group version each must use. */
    static final Map<String, Kind> KINDS = Map.of(
            "Deployment", new Kind("apps/v1", V1Deployment.class, V1Deployment::validateJsonElement),
            "Service", new Kind("v1", V1Service.class, V1Service::validateJsonElement),
            "Ingress", new Kind("networking.k8s.io/v1", V1Ingress.class, V1Ingress::validateJsonElement),
            "HorizontalPodAutoscaler", new Kind("autoscaling/v2", V2HorizontalPodAutoscaler.class,
                    V2HorizontalPodAutoscaler::validateJsonElement),
            "ConfigMap", new Kind("v1", V1ConfigMap.class, V1ConfigMap::validateJsonElement),
            "Secret", new Kind("v1", V1Secret.class, V1Secret::validateJsonElement),
            "PodDisruptionBudget", new Kind("policy/v1", V1PodDisruptionBudget.class,
                    V1PodDisruptionBudget::validateJsonElement));

    /** Parses one YAML document and checks it against the schema; throws with the first problem found. */
    static JsonNode validated(String yaml) throws IOException {
        JsonNode doc = YAML.readTree(yaml);
        String kindName = doc.path("kind").asText();
        Kind kind = KINDS.get(kindName);
        if (kind == null) throw new IllegalArgumentException("kind \"" + kindName + "\" is not one the deployment uses");
        if (!kind.apiVersion().equals(doc.path("apiVersion").asText())) {
            throw new IllegalArgumentException(kindName + " must be apiVersion " + kind.apiVersion() + ", not "
                    + doc.path("apiVersion").asText());
        }
        String json = JSON.writeValueAsString(doc);
        JsonElement element = JsonParser.parseString(json);
        kind.check().validate(element);
        // binding to the model checks the types the generated validator leaves out (numbers, booleans)
        MODEL_BINDING.fromJson(element, kind.model());
        return doc;
    }

    static List<JsonNode> allManifests() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(MANIFESTS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<JsonNode> docs = new ArrayList<>();
        for (Path f : files) {
            for (String part : Files.readString(f).split("(?m)^---\\s*$")) {
                if (part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) continue;
                try {
                    docs.add(validated(part));
                } catch (RuntimeException | IOException e) {
                    throw new AssertionError(f + " does not validate: " + e.getMessage(), e);
                }
            }
        }
        return docs;
    }

    @Test
    void everyManifestValidatesAgainstTheKubernetesSchema() throws IOException {
        Set<String> kinds = new HashSet<>();
        allManifests().forEach(d -> kinds.add(d.path("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(KINDS.keySet());
    }

    @Test
    void theManifestsReferToEachOther() throws IOException {
        List<JsonNode> docs = allManifests();
        JsonNode deployment = only(docs, "Deployment"), service = only(docs, "Service");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        deployment.at("/spec/selector/matchLabels").fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey())).isEqualTo(e.getValue()));
        service.at("/spec/selector").fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey())).as("service selector")
                        .isEqualTo(e.getValue()));
        only(docs, "PodDisruptionBudget").at("/spec/selector/matchLabels").fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey())).isEqualTo(e.getValue()));

        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Set<String> containerPorts = new HashSet<>();
        container.path("ports").forEach(p -> containerPorts.add(p.path("name").asText()));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container.path(probe).at("/httpGet/path").asText()).as(probe).startsWith("/q/health/");
            assertThat(containerPorts).as(probe + " port").contains(container.path(probe).at("/httpGet/port").asText());
        }
        assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();

        Set<String> servicePorts = new HashSet<>();
        service.at("/spec/ports").forEach(p -> {
            servicePorts.add(p.path("name").asText());
            assertThat(containerPorts).contains(p.path("targetPort").asText());
        });
        JsonNode backend = only(docs, "Ingress").at("/spec/rules/0/http/paths/0/backend/service");
        assertThat(backend.path("name").asText()).isEqualTo(service.at("/metadata/name").asText());
        assertThat(servicePorts).contains(backend.at("/port/name").asText());

        JsonNode target = only(docs, "HorizontalPodAutoscaler").at("/spec/scaleTargetRef");
        assertThat(target.path("kind").asText()).isEqualTo("Deployment");
        assertThat(target.path("name").asText()).isEqualTo(deployment.at("/metadata/name").asText());

        assertThat(container.at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(only(docs, "ConfigMap").at("/metadata/name").asText());
        assertThat(container.at("/envFrom/1/secretRef/name").asText())
                .isEqualTo(only(docs, "Secret").at("/metadata/name").asText());
        // the portal reads its storage, database and Keycloak settings from these two
        Set<String> keys = new HashSet<>();
        only(docs, "ConfigMap").path("data").fieldNames().forEachRemaining(keys::add);
        only(docs, "Secret").path("stringData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("DELINEO_DB_URL", "DELINEO_DB_USER", "DELINEO_DB_PASSWORD", "DELINEO_OIDC_URL",
                "DELINEO_STORAGE", "DELINEO_S3_ENDPOINT", "DELINEO_S3_BUCKET", "DELINEO_S3_ACCESS_KEY",
                "DELINEO_S3_SECRET_KEY");
    }

    @Test
    void aMisspeltFieldAMissingRequiredFieldAndAWrongTypeAreRefused() throws IOException {
        String deployment = Files.readString(MANIFESTS.resolve("deployment.yaml"));
        validated(deployment);
        assertThat(deployment).contains("readinessProbe:", "- name: portal", "replicas: 2");

        assertThatThrownBy(() -> validated(deployment.replace("readinessProbe:", "readinesProbe:")))
                .hasMessageContaining("readinesProbe");
        assertThatThrownBy(() -> validated(deployment.replace("- name: portal", "- nam: portal")))
                .hasMessageContaining("nam");
        assertThatThrownBy(() -> validated(deployment.replace("      containers:", "      containerz:")))
                .hasMessageContaining("containerz");
        assertThatThrownBy(() -> validated(deployment.replace("replicas: 2", "replicas: two")))
                .hasMessageContaining("two");
        assertThatThrownBy(() -> validated(Files.readString(MANIFESTS.resolve("hpa.yaml"))
                .replace("autoscaling/v2", "autoscaling/v1"))).hasMessageContaining("autoscaling/v2");
        String service = Files.readString(MANIFESTS.resolve("service.yaml"));
        assertThatThrownBy(() -> validated(service.replace("    - name: http\n      port: 80\n", "    - name: http\n")))
                .hasMessageContaining("port");
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}
