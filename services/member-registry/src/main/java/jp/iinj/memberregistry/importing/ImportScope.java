package jp.iinj.memberregistry.importing;

import java.util.Set;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;

/**
 * Who started an import and which rows they may import: an administrator any, a regional body those of the
 * bureaus it covers (as its token said when the import started).
 */
public record ImportScope(String subject, boolean administrator, Set<String> bureaus) {

    public ImportScope {
        bureaus = Set.copyOf(bureaus);
    }

    static ImportScope of(PlatformPrincipal caller) {
        return new ImportScope(caller.subject(), caller.has(PlatformRole.ADMIN), caller.bureaus());
    }

    boolean covers(String bureau) {
        return administrator || bureaus.contains(bureau);
    }

    /** The status is the business of whoever started the import, and of administrators. */
    boolean visibleTo(PlatformPrincipal caller) {
        return caller.subject().equals(subject) || caller.has(PlatformRole.ADMIN);
    }
}
