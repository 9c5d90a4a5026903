package jp.iinj.memberregistry.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.problems.ProblemException;
import jp.iinj.httpapi.core.problems.ProblemType;
import jp.iinj.httpapi.core.validation.InputValidation;
import jp.iinj.memberregistry.messaging.MemberEvents;
import jp.iinj.memberregistry.organisation.DuplicateReview;
import jp.iinj.memberregistry.organisation.Membership;
import jp.iinj.memberregistry.organisation.Organisation;
import jp.iinj.memberregistry.organisation.OrganisationNames;
import jp.iinj.memberregistry.organisation.OrganisationProfile;
import jp.iinj.memberregistry.organisation.Organisations;
import jp.iinj.memberregistry.profile.ProfileRules;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers an organisation: checks the request, flags a possible duplicate, and stores the organisation with its
 * {@code member-registered} and {@code owner-designated} events in one write. With an {@code Idempotency-Key}, a
 * repeated request returns the first registration instead of a second one (or a 409).
 */
@Service
public class OrganisationRegistration {

    static final int MAX_DUPLICATE_CANDIDATES = 10;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,100}$");

    private final AggregateStore store;
    private final Organisations organisations;
    private final InputValidation validation;
    private final ProfileRules rules;
    private final MemberEvents events;
    private final JsonMapper json;
    private final Clock clock;

    public OrganisationRegistration(AggregateStore store, Organisations organisations, InputValidation validation,
                                    ProfileRules rules, MemberEvents events, JsonMapper json, Clock clock) {
        this.validation = validation;
        this.store = store;
        this.organisations = organisations;
        this.rules = rules;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The registration, and whether it was registered by an earlier request with the same key. */
    public record Registered(Organisation organisation, boolean replayed) {
    }

    public Mono<Registered> register(RegisterOrganisationRequest request, String idempotencyKey, String correlationId) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Mono.error(new FieldValidationException("Idempotency-Key",
                    "8-100 characters: letters, digits, '.', '_', ':' or '-' (a UUID does)"));
        }
        if (idempotencyKey == null) {
            return registerAnew(request, null, null, correlationId);
        }
        String fingerprint = fingerprint(request);
        Mono<Registered> fresh = Mono.defer(() -> registerAnew(request, idempotencyKey, fingerprint, correlationId));
        return earlier(idempotencyKey, fingerprint)
                .switchIfEmpty(fresh)
                // two requests with the same key at once: the unique key index lets one in; the other replays it
                .onErrorResume(DuplicateKeyException.class, duplicate -> earlier(idempotencyKey, fingerprint)
                        .switchIfEmpty(Mono.error(corporateNumberTaken(request))));
    }

    private Mono<Registered> earlier(String idempotencyKey, String fingerprint) {
        return organisations.byRegistrationKey(idempotencyKey).flatMap(earlier -> {
            if (!earlier.registrationKey().requestFingerprint().equals(fingerprint)) {
                return Mono.error(new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key "
                        + idempotencyKey + " was used for a different registration; use a new key for a new one"));
            }
            return Mono.just(new Registered(earlier, true));
        });
    }

    private Mono<Registered> registerAnew(RegisterOrganisationRequest request, String idempotencyKey,
                                          String fingerprint, String correlationId) {
        List<InvalidField> problems = new ArrayList<>(validation.problems(request));
        String corporateNumber = request.corporateNumber();
        RegistrantRules.corporateNumberOrReason(corporateNumber, request.noCorporateNumberReason(), "corporateNumber",
                "noCorporateNumberReason", problems);
        return rules.check(request.profile(), problems).flatMap(profile -> {
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            return possibleDuplicates(corporateNumber, profile).map(candidates -> Organisation.registered(id, profile,
                            corporateNumber, request.noCorporateNumberReason(), request.owner().owner(),
                            Membership.applied(now),
                            candidates.isEmpty() ? null : new DuplicateReview(candidates, now, null),
                            idempotencyKey == null ? null : new Organisation.RegistrationKey(idempotencyKey, fingerprint),
                            now))
                    .flatMap(organisation -> store.insert(organisation, List.of(
                            events.registered(organisation, correlationId),
                            events.ownerDesignated(organisation, correlationId))))
                    .map(organisation -> new Registered(organisation, false));
        }).onErrorMap(error -> error instanceof DuplicateKeyException && idempotencyKey == null,
                duplicate -> corporateNumberTaken(request));
    }

    private static ConflictException corporateNumberTaken(RegisterOrganisationRequest request) {
        return new ConflictException("an organisation with corporate number " + request.corporateNumber()
                + " is already registered");
    }

    /** Organisations without a corporate number are compared by normalised name within their prefecture. */
    private Mono<List<String>> possibleDuplicates(String corporateNumber, OrganisationProfile profile) {
        if (corporateNumber != null) {
            return Mono.just(List.of());
        }
        return organisations.withSameNameAndPrefecture(OrganisationNames.normalised(profile.legalName()),
                profile.prefectureCode(), MAX_DUPLICATE_CANDIDATES).map(Organisation::id).collectList();
    }

    /** The same request always gives the same fingerprint: records serialise their fields in declaration order. */
    private String fingerprint(RegisterOrganisationRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
