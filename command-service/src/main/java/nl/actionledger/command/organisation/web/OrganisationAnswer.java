package nl.actionledger.command.organisation.web;

import java.util.List;

/** An organisation as an accepted definition left it, with its version (also the ETag). */
record OrganisationAnswer(String id, String displayName, List<String> aliases, long version) {
}
