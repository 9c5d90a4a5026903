package jp.iinj.memberregistry.commands;

/**
 * A change a caller asks for, so it also says who may ask. Kept apart from {@link #apply}: the caller path of
 * {@link OrganisationChanges} checks it before anything is applied, and the state change itself never looks at a
 * caller.
 */
public interface OrganisationCommand extends OrganisationChange {

    OrganisationAccess whoMay();
}
