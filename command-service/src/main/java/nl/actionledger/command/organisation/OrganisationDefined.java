package nl.actionledger.command.organisation;

/** The answer to {@link DefineOrganisationCommand}: the organisation's new version, and whether it is new. */
public record OrganisationDefined(long version, boolean registered) {}
