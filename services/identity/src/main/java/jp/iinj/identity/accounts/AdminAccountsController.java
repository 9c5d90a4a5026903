package jp.iinj.identity.accounts;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.contracts.access.PlatformRole;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.core.validation.FreeText;

/** Staff accounts created by administrators (ADMIN only, see the security configuration). */
@RestController
@RequestMapping(path = "/api/identity/admin/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Staff accounts, machine clients and signing keys; administrators only")
@ApiResponse(responseCode = "403", description = "Not an administrator")
class AdminAccountsController {

    private final Accounts accounts;

    AdminAccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * An ACTIVE account without password; its owner is mailed a set-password link. MEMBER is not given here:
     * memberships come from the platform's events and from invitations.
     */
    @Operation(operationId = "createStaffAccount", summary = "Create a staff account",
            description = "A coordinator, regional-body or administrator account: ACTIVE, without a password; its "
            + "owner is mailed a set-password link (valid 72 hours). MEMBER is not given here: it comes from "
            + "approved registrations and invitations.")
    @ApiResponse(responseCode = "201", description = "The account")
    @ApiResponse(responseCode = "409", description = "An account with this e-mail exists already")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse create(@Valid @RequestBody CreateAccountRequest request) {
        if (request.roles().contains(PlatformRole.MEMBER)) {
            throw new FieldValidationException("roles",
                    "MEMBER comes from an approved registration or an invitation, not from an administrator.");
        }
        List<String> bureaus = Bureaus.checked(request.bureaus(), "bureaus");
        return AccountResponse.of(accounts.createStaff(request.email(), request.displayName(), request.roles(), bureaus));
    }

    @Operation(operationId = "listStaffAccounts", summary = "List the staff accounts",
            description = "Regional bodies, coordinators and administrators, with the bureaus they cover, by e-mail; at "
            + "most " + STAFF_LIST_LIMIT + " (truncated says when there are more). Members are not listed here.")
    @ApiResponse(responseCode = "200", description = "The staff accounts")
    @GetMapping
    StaffAccountsResponse list() {
        List<Account> staff = accounts.staff(STAFF_LIST_LIMIT + 1);
        return new StaffAccountsResponse(staff.stream().limit(STAFF_LIST_LIMIT).map(AccountResponse::of).toList(),
                staff.size() > STAFF_LIST_LIMIT);
    }

    static final int STAFF_LIST_LIMIT = 500;

    record StaffAccountsResponse(List<AccountResponse> accounts, boolean truncated) {
    }

    record CreateAccountRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @FreeText(max = 200, required = true) String displayName,
            @NotNull @Size(min = 1, max = 4) List<@NotNull PlatformRole> roles,
            @NotNull @Size(max = 9) List<@NotNull @Size(max = 32) String> bureaus) {
    }

    record AccountResponse(String id, String email, String displayName, List<String> roles, List<String> memberIds,
                           List<String> bureaus, AccountStatus status, Instant createdAt) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.email(), account.displayName(),
                    account.roles().stream().map(PlatformRole::name).sorted().toList(),
                    account.memberIds().stream().sorted().toList(), account.bureaus().stream().sorted().toList(),
                    account.status(), account.createdAt());
        }
    }
}
