package nl.actionledger.command.organisation;

import java.util.List;

/** An organisation as its events leave it. */
record ListedOrganisation(String id, String displayName, List<String> aliases, long version) {

    public ListedOrganisation {
        aliases = List.copyOf(aliases);
    }
}
