package jp.iinj.memberregistry.registration;

import jp.iinj.httpapi.core.validation.EmailAddress;
import jp.iinj.httpapi.core.validation.FreeText;
import jp.iinj.httpapi.core.validation.FreeTextValidator;
import jp.iinj.memberregistry.organisation.OrganisationOwner;

/**
 * The person registering an organisation, as a registration or an import row names them: their account is opened,
 * and activated once the organisation is approved.
 */
public record OwnerInput(@FreeText(max = 100, required = true) String displayName, @EmailAddress String email) {

    /** The owner as stored; only for an input that passed its constraints. */
    public OrganisationOwner owner() {
        return new OrganisationOwner(FreeTextValidator.stored(displayName), FreeTextValidator.stored(email));
    }
}
