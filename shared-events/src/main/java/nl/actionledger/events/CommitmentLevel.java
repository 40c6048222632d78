package nl.actionledger.events;

/** The level at which the Netherlands commits to an action ("Niveau van Nederlandse inzet"). */
public enum CommitmentLevel {
    NATIONAL,
    EU,
    INTERNATIONAL
}
