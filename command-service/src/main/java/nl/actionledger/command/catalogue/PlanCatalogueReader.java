package nl.actionledger.command.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a curated plan catalogue ({@code /catalogue/<planId>.json}) from the classpath and checks that it hangs
 * together. The catalogue seeds the event store, so a broken file must stop the service at start-up rather than
 * register actions under objectives or priorities that do not exist.
 */
final class PlanCatalogueReader {

    // Plan ids name a classpath resource: keep them to a plain slug so no id can reach outside /catalogue.
    private static final Pattern PLAN_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    // An id without an EU number must never look like one, or a later EU action could collide with it.
    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    // Unknown keys fail: a misspelt key in the hand-curated file would otherwise be dropped without a word.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PlanCatalogueReader() {}

    /**
     * @throws IllegalStateException when the catalogue is missing, is not valid JSON for {@link PlanCatalogue},
     *                               or is inconsistent (see {@link #problemsIn(PlanCatalogue)})
     */
    public static PlanCatalogue read(String planId) {
        if (planId == null || !PLAN_ID.matcher(planId).matches()) {
            throw new IllegalStateException(
                    "invalid plan id '" + planId + "': expected lower-case letters, digits and '-'");
        }
        String resource = "/catalogue/" + planId + ".json";
        PlanCatalogue catalogue = parse(resource);
        if (!planId.equals(catalogue.planId())) {
            throw new IllegalStateException(
                    resource + " holds plan '" + catalogue.planId() + "', not '" + planId + "'");
        }
        List<String> problems = problemsIn(catalogue);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "plan catalogue " + resource + " is inconsistent: " + String.join("; ", problems));
        }
        return catalogue;
    }

    private static PlanCatalogue parse(String resource) {
        try (InputStream in = PlanCatalogueReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no plan catalogue on the classpath at " + resource);
            }
            return MAPPER.readValue(in, PlanCatalogue.class);
        } catch (JacksonException e) {
            // Also covers the records' own constructor checks, which Jackson wraps (e.g. a commitment without levels).
            throw new IllegalStateException("plan catalogue " + resource + " is not valid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read plan catalogue " + resource, e);
        }
    }

    /** Every way the catalogue contradicts itself; empty when it is consistent. */
    static List<String> problemsIn(PlanCatalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Set<Integer> objectiveNumbers = new HashSet<>();
        for (ObjectiveEntry objective : catalogue.objectives()) {
            if (!objectiveNumbers.add(objective.number())) {
                problems.add("objective " + objective.number() + " appears twice");
            }
            boolean covered = catalogue
                    .priority(objective.priority())
                    .map(priority -> priority.covers(objective.number()))
                    .orElse(false);
            if (!covered) {
                problems.add("objective " + objective.number() + " names priority " + objective.priority()
                        + ", which does not exist or does not cover it");
            }
        }
        Set<String> ids = new HashSet<>();
        for (ActionEntry action : catalogue.actions()) {
            if (!ids.add(action.id())) {
                problems.add("action id '" + action.id() + "' appears twice");
            }
            if (catalogue.objective(action.objective()).isEmpty()) {
                problems.add(
                        "action " + action.id() + " names objective " + action.objective() + ", which does not exist");
            }
            if (action.euActionNumber() != null
                    && !action.id().equals(action.euActionNumber().toString())) {
                problems.add("action " + action.id() + " has EU number " + action.euActionNumber()
                        + "; its id must equal it");
            }
            if (action.euActionNumber() == null && NUMERIC.matcher(action.id()).matches()) {
                problems.add("action " + action.id() + " has no EU number, so its id must not be a number");
            }
        }
        return problems;
    }
}
