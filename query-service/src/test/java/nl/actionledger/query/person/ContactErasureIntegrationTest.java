package nl.actionledger.query.person;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.PersonErasedEvent;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import nl.actionledger.support.person.ContactSeal;
import nl.actionledger.support.testing.DatabaseScan;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A contact person named sealed, then erased, as query-service shows them: before the erasure every view, the timeline
 * (as of, changes) and the audit trail give the name, opened with the person's key; after it every one of them says
 * erased, no table of the database holds the name or the key, the hash chains still verify, and a replay of every
 * projection ends in the very same rows. A coordinator sees only their own organisation's contacts.
 */
class ContactErasureIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final Instant T0 = Instant.now().minusSeconds(3600);
    // The test database is shared with the other integration tests: these actions go to organisations none of them
    // uses.

    @Test
    void anErasedContactShowsErasedEverywhereIsNowhereInTheDatabaseAndTheChainsStillVerify() {
        String name = "Hendrika Vliegenvanger-" + UUID.randomUUID().toString().substring(0, 8);
        String reason = "Hendrika's team leads the glass-eel checks " + UUID.randomUUID();
        String person = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        byte[] key = newPerson(person);
        byte[] otherKey = newPerson(other);
        new History(action("801"))
                .then(
                        registered("801", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(
                                action("801"),
                                null,
                                Assignment.of("fiod", ContactSeal.seal(key, person, name)),
                                reason),
                        "admin",
                        "c-801-1",
                        T0.plusSeconds(60))
                .then(
                        new ActionStatusChangedEvent(
                                action("801"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "started"),
                        "admin",
                        "c-801-2",
                        T0.plusSeconds(120));
        new History(action("802"))
                .then(
                        registered("802", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(
                                action("802"),
                                null,
                                Assignment.of("lvvn", ContactSeal.seal(key, person, name)),
                                "ministry"),
                        "admin",
                        "c-802-1",
                        T0.plusSeconds(60))
                .then(
                        new ActionReassignedEvent(
                                action("802"),
                                Assignment.of("lvvn", ContactSeal.seal(key, person, name)),
                                Assignment.of("lvvn", ContactSeal.seal(otherKey, other, "Another Person")),
                                "handed on"),
                        "admin",
                        "c-802-2",
                        T0.plusSeconds(180));
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/801",
                view -> view.get("version").asLong() == 2);
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/802",
                view -> view.get("version").asLong() == 2);
        awaitProjectionsCaughtUp();

        // Before: the name, opened with the key, wherever a contact is shown.
        JsonNode view = getJson("evaluator", "/api/plans/eu-wap-nl/actions/801");
        assertThat(view.get("contact").asString()).isEqualTo(name);
        assertThat(view.get("contactPersonId").asString()).isEqualTo(person);
        assertThat(view.get("contactErased").asBoolean()).isFalse();
        assertThat(contactChange(getJson("auditor", "/api/plans/eu-wap-nl/actions/801/audit"), 1)
                        .get("after")
                        .asString())
                .isEqualTo(name);
        assertThat(contactChange(getJson("auditor", "/api/plans/eu-wap-nl/actions/802/audit"), 2)
                        .get("before")
                        .asString())
                .isEqualTo(name);
        assertThat(asOf("801").get("contact").asString()).isEqualTo(name);
        assertThat(changedContact("801")).isEqualTo(name);
        DataSource superuser = EmbeddedPostgresDatabase.superuser(databaseUrl());
        assertThat(DatabaseScan.occurrences(superuser, reason))
                .as("the scan sees what is stored in clear")
                .anySatisfy(place -> assertThat(place).startsWith("event_store.domain_event_entry.payload"))
                .anySatisfy(place -> assertThat(place).startsWith("query_model.audit_entry"));
        assertThat(DatabaseScan.occurrences(superuser, person))
                .as("and the person's id in the projections")
                .anySatisfy(place -> assertThat(place).startsWith("query_model.action_view"))
                .anySatisfy(place -> assertThat(place).startsWith("query_model.action_state"))
                .anySatisfy(place -> assertThat(place).startsWith("query_model.audit_change"));
        assertThat(DatabaseScan.occurrences(superuser, name))
                .as("names are stored sealed only")
                .isEmpty();

        erase(person, "Request under GDPR art. 17");
        awaitJson(
                "auditor",
                "/api/audit?planId=people&actionId=" + person,
                page -> page.toString().contains("PersonErased"));
        awaitProjectionsCaughtUp();

        // After: erased wherever it was shown; the other person named on the same action is untouched.
        view = getJson("evaluator", "/api/plans/eu-wap-nl/actions/801");
        assertThat(view.get("contact").isNull()).isTrue();
        assertThat(view.get("contactPersonId").asString()).isEqualTo(person);
        assertThat(view.get("contactErased").asBoolean()).isTrue();
        JsonNode history801 = getJson("auditor", "/api/plans/eu-wap-nl/actions/801/audit");
        assertThat(contactChange(history801, 1).get("after").asString()).isEqualTo(Contacts.ERASED);
        JsonNode history802 = getJson("auditor", "/api/plans/eu-wap-nl/actions/802/audit");
        assertThat(contactChange(history802, 2).get("before").asString()).isEqualTo(Contacts.ERASED);
        assertThat(contactChange(history802, 2).get("after").asString()).isEqualTo("Another Person");
        assertThat(getJson("evaluator", "/api/plans/eu-wap-nl/actions/802")
                        .get("contact")
                        .asString())
                .isEqualTo("Another Person");
        assertThat(asOf("801").get("contactErased").asBoolean()).isTrue();
        assertThat(asOf("801").get("contact").isNull()).isTrue();
        assertThat(changedContact("801")).isEqualTo(Contacts.ERASED);
        assertThat(history801.toString()).doesNotContain(name);
        JsonNode erasure = getJson("auditor", "/api/audit?planId=people&actionId=" + person);
        assertThat(erasure.toString()).contains("PersonErased", "Request under GDPR art. 17", "\"actor\":\"admin\"");
        assertThat(DatabaseScan.occurrences(superuser, name))
                .as("the name, anywhere")
                .isEmpty();
        assertThat(DatabaseScan.occurrences(superuser, Base64.getEncoder().encodeToString(key)))
                .isEmpty();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM event_store.domain_event_entry WHERE position(?::bytea IN payload) > 0")
                        .param(key)
                        .query(Long.class)
                        .single())
                .as("the key, as bytes")
                .isZero();

        // The hash chains are as they were: the events' bytes never changed.
        JsonNode verified = verifyEverything();
        assertThat(verified.get("status").asString()).as(verified.toString()).isEqualTo("OK");

        // A replay of every projection, now without the key, ends in exactly the same rows.
        Map<String, String> before = projectionChecksums();
        assertThat(post("admin", "/api/admin/projections/replay").statusCode()).isEqualTo(202);
        awaitProjectionsCaughtUp();
        assertThat(projectionChecksums()).isEqualTo(before);
        assertThat(getJson("evaluator", "/api/plans/eu-wap-nl/actions/801")
                        .get("contactErased")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aCoordinatorSeesTheContactsOfTheirOwnOrganisationsActionsOnly() {
        // The coordinator's organisation (LVVN) is matched against the list, as command-service matches it.
        listedOnce("lvvn", "Ministerie van LVVN", List.of("LNV"));
        String person = UUID.randomUUID().toString();
        byte[] key = newPerson(person);
        new History(action("811"))
                .then(
                        registered("811", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(
                                action("811"),
                                null,
                                Assignment.of("lvvn", ContactSeal.seal(key, person, "Own Contact")),
                                "ours"),
                        "admin",
                        "c-811-1",
                        T0.plusSeconds(60));
        new History(action("812"))
                .then(
                        registered("812", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(
                                action("812"),
                                null,
                                Assignment.of("om", ContactSeal.seal(key, person, "Their Contact")),
                                "theirs"),
                        "admin",
                        "c-812-1",
                        T0.plusSeconds(60));
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/812",
                view -> view.get("version").asLong() == 1);
        awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/811",
                view -> view.get("version").asLong() == 1);

        JsonNode own = getJson("coordinator", "/api/plans/eu-wap-nl/actions/811");
        assertThat(own.get("contact").asString()).isEqualTo("Own Contact");
        assertThat(own.get("contactWithheld").asBoolean()).isFalse();
        JsonNode theirs = getJson("coordinator", "/api/plans/eu-wap-nl/actions/812");
        assertThat(theirs.get("contact").isNull()).isTrue();
        assertThat(theirs.get("contactPersonId").isNull()).isTrue();
        assertThat(theirs.get("contactWithheld").asBoolean()).isTrue();
        assertThat(theirs.get("organisation").asString())
                .as("the rest of the action is shown")
                .isEqualTo("om");
        String list = get("coordinator", "/api/plans/eu-wap-nl/actions").body();
        assertThat(list).contains("Own Contact").doesNotContain("Their Contact").doesNotContain("sealed:");
        assertThat(getJson("evaluator", "/api/plans/eu-wap-nl/actions/812")
                        .get("contact")
                        .asString())
                .isEqualTo("Their Contact");
        assertThat(getJson("auditor", "/api/plans/eu-wap-nl/actions/812")
                        .get("contact")
                        .asString())
                .isEqualTo("Their Contact");
        assertThat(getJson("admin", "/api/plans/eu-wap-nl/actions/812")
                        .get("contact")
                        .asString())
                .isEqualTo("Their Contact");
    }

    @Test
    void aContactNamedInClearTextBeforeSealingStaysReadable() {
        new History(action("821"))
                .then(
                        registered("821", 5, 2, ImplementationStatus.NOT_STARTED, RANGE_2024_2025, CommitmentLevel.EU),
                        "system",
                        "reg",
                        T0)
                .then(
                        new ActionReassignedEvent(action("821"), null, new Assignment("bz", null, "K. Bakker"), "old"),
                        "admin",
                        "c-821-1",
                        T0.plusSeconds(60));
        JsonNode view = awaitJson(
                "evaluator",
                "/api/plans/eu-wap-nl/actions/821",
                v -> v.get("version").asLong() == 1);
        assertThat(view.get("contact").asString()).isEqualTo("K. Bakker");
        assertThat(view.get("contactPersonId").isNull()).isTrue();
        assertThat(view.get("contactErased").asBoolean()).isFalse();
    }

    /** A person's key, as command-service makes it when it first names them. */
    private static byte[] newPerson(String personId) {
        byte[] key = ContactSeal.newKey();
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        asOwner(jdbc -> jdbc.sql("INSERT INTO event_store.person_key (person_id, key, name_digest) VALUES (?, ?, ?)")
                .params(personId, key, digest)
                .update());
        return key;
    }

    /** As command-service erases: the erasure event and the key's deletion (the database checks the one for the other). */
    private void erase(String personId, String reason) {
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "Person",
                PersonErasedEvent.aggregateId(personId),
                0,
                new PersonErasedEvent(personId, reason),
                MetaData.with("actor", "admin").and("correlationId", "erase-" + personId),
                UUID.randomUUID().toString(),
                Instant.now())));
        asOwner(jdbc -> jdbc.sql("DELETE FROM event_store.person_key WHERE person_id = ?")
                .param(personId)
                .update());
    }

    private static JsonNode contactChange(JsonNode historyPage, long version) {
        for (JsonNode entry : historyPage.get("entries")) {
            if (entry.get("version").asLong() == version) {
                for (JsonNode change : entry.get("changes")) {
                    if (change.get("field").asString().equals("contact")) {
                        return change;
                    }
                }
            }
        }
        throw new AssertionError("no contact change at version " + version + " in " + historyPage);
    }

    private JsonNode asOf(String actionId) {
        return getJson("evaluator", "/api/plans/eu-wap-nl/actions/" + actionId + "/as-of?at=" + Instant.now())
                .get("action");
    }

    private String changedContact(String actionId) {
        JsonNode changes = getJson(
                "evaluator", "/api/plans/eu-wap-nl/changes?from=" + T0.minusSeconds(60) + "&to=" + Instant.now());
        for (JsonNode change : changes.get("actions")) {
            if (change.get("actionId").asString().equals(actionId)) {
                for (JsonNode field : change.get("changes")) {
                    if (field.get("field").asString().equals("contact")) {
                        return field.get("after").asString();
                    }
                }
            }
        }
        throw new AssertionError("no contact change of " + actionId + " in " + changes);
    }

    private JsonNode verifyEverything() {
        var accepted = post("auditor", "/api/integrity/verify");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long pass = json(accepted.body()).get("pass").asLong();
        return awaitJson(
                "auditor",
                "/api/integrity/verify",
                result -> result.get("lastFullPass") != null
                        && !result.get("lastFullPass").isNull()
                        && result.get("lastFullPass").get("pass").asLong() >= pass);
    }
}
