package jp.iinj.portal.setup;

/** identity's {@code POST /api/identity/first-administrator}. */
record FirstAdministratorRequest(String token, String email, String displayName, String password) {
}
