package jp.iinj.memberregistry.people;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.security.CallerRequest;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/members/organisations/{organisationId}/people", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "People", description = "The people of an organisation, as the identity service knows them")
public class PeopleController {

    private final OrganisationPeopleAccess access;
    private final OrganisationPeople people;
    private final StaffRemoval removal;

    PeopleController(OrganisationPeopleAccess access, OrganisationPeople people, StaffRemoval removal) {
        this.access = access;
        this.people = people;
        this.removal = removal;
    }

    @Operation(summary = "List an organisation's people", description = "Its owner and staff (identity's subject, "
            + "role, name, e-mail, when they joined). Personal data: visible to the organisation's own people, the "
            + "regional bodies of its bureau and administrators. Coordinators of its bureau see the organisation but "
            + "not its people (403); to anyone else it does not exist (404).")
    @ApiResponse(responseCode = "200", description = "The people who have not left, the owner first")
    @ApiResponse(responseCode = "403", description = "The caller may see the organisation but not its people")
    @ApiResponse(responseCode = "404", description = "No such organisation, as far as the caller may know")
    @GetMapping
    public Mono<OrganisationPeopleResponse> listPeople(@PathVariable String organisationId) {
        return PlatformCallers.caller()
                .flatMap(caller -> access.withVisiblePeople(organisationId, caller))
                .flatMap(organisation -> people.current(organisation.id()).map(PersonResponse::of).collectList()
                        .map(list -> new OrganisationPeopleResponse(organisation.id(), list)));
    }

    @Operation(summary = "Remove a person from the organisation", description = "By the organisation's owner or an "
            + "administrator. The person is REMOVAL_REQUESTED and staff-removed is published; the identity service "
            + "takes the organisation from their account (their next token lacks it) and confirms, after which they "
            + "are no longer listed. The owner cannot be removed.")
    @ApiResponse(responseCode = "202", description = "Removal requested (also when it was already)")
    @ApiResponse(responseCode = "403", description = "The caller may see the organisation but is not its owner or an "
            + "administrator, or the organisation is not an ACTIVE member")
    @ApiResponse(responseCode = "404", description = "No such organisation or person, as far as the caller may know")
    @ApiResponse(responseCode = "409", description = "The person is the owner, or changed meanwhile")
    @DeleteMapping("/{subject}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<PersonResponse> removePerson(@PathVariable String organisationId, @PathVariable String subject) {
        return CallerRequest.current()
                .flatMap(request -> removal.request(organisationId, subject, request.caller(),
                        request.correlationId()))
                .map(PersonResponse::of);
    }
}
