package jp.iinj.businessmatching.proposals;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.iinj.httpapi.security.PlatformCallers;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/matching", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proposals", description = "Counterparts the engine proposed for a member's published profiles, each with "
        + "the reasons that add up to its score; the other side stays anonymous.")
public class ProposalController {

    private final MemberProposals proposals;

    public ProposalController(MemberProposals proposals) {
        this.proposals = proposals;
    }

    @Operation(summary = "A member's proposals", description = "Live proposals only (both profiles published, both "
            + "owners active), newest first, at most 100; for the member's side (its people, the coordinators and "
            + "regional bodies of its bureau, administrators).")
    @ApiResponse(responseCode = "200", description = "The proposals with their explanations")
    @ApiResponse(responseCode = "404", description = "No such member, as far as the caller may know")
    @GetMapping("/members/{memberId}/proposals")
    public Mono<ProposalView.ProposalList> proposalsOfMember(@PathVariable String memberId) {
        return PlatformCallers.caller().flatMap(caller -> proposals.of(memberId, caller))
                .map(ProposalView.ProposalList::new);
    }
}
