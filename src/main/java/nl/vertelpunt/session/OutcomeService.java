package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.vertelpunt.card.Card;
import nl.vertelpunt.card.CardDocuments;
import nl.vertelpunt.card.render.PlainWords;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;

/**
 * "Wat is er met de verhalen gedaan?": for the storytellers, the published proposals that came from a
 * story point's stories, with their status and updates, and the published cards with their quotes. No
 * story text appears unless a facilitator marked it as a quote on a published card; no staff names.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutcomeService {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** A step in a proposal's history: the status and what was said about it, on a date. */
    public record PublicUpdate(String status, String note, LocalDate date) {}

    /** A published proposal. */
    public record PublicProposal(
            String title,
            String action,
            String goal,
            String owner,
            String status,
            LocalDate sessionDate,
            List<PublicUpdate> updates) {}

    /** A published card with the quotes marked in its stories. */
    public record PublicCard(String title, String observation, List<String> quotes) {}

    /** What the storytellers of a story point can read. */
    public record Outcomes(String storyPoint, String title, List<PublicProposal> proposals, List<PublicCard> cards) {}

    private final StoryPointService storyPoints;
    private final CardDocuments documents;

    OutcomeService(StoryPointService storyPoints, CardDocuments documents) {
        this.storyPoints = storyPoints;
        this.documents = documents;
    }

    public Outcomes outcomes(String slug) {
        StoryPoint point = storyPoints.find(slug);
        Map<UUID, SenseSession> sessions =
                SenseSession.listFor(point.id).stream().collect(Collectors.toMap(s -> s.id, s -> s));
        List<PublicProposal> proposals = new ArrayList<>();
        if (!sessions.isEmpty()) {
            List<Proposal> published =
                    Proposal.<Proposal>list("sessionId in ?1 and published = true", sessions.keySet()).stream()
                            .sorted(Comparator.comparing((Proposal p) -> sessions.get(p.sessionId).heldOn)
                                    .reversed()
                                    .thenComparing(p -> p.createdAt))
                            .toList();
            Map<UUID, List<PublicUpdate>> updates =
                    ProposalUpdate.listFor(published.stream().map(p -> p.id).toList()).stream()
                            .collect(Collectors.groupingBy(
                                    u -> u.proposalId,
                                    Collectors.mapping(
                                            u -> new PublicUpdate(
                                                    u.status,
                                                    u.note,
                                                    u.doneAt.atZone(AMSTERDAM).toLocalDate()),
                                            Collectors.toList())));
            for (Proposal p : published) {
                proposals.add(new PublicProposal(
                        p.title,
                        p.action,
                        p.goal,
                        p.owner,
                        p.status,
                        sessions.get(p.sessionId).heldOn,
                        updates.getOrDefault(p.id, List.of())));
            }
        }
        List<PublicCard> cards = new ArrayList<>();
        for (Card card : Card.listFor(point.id)) {
            if (card.published) {
                List<String> quotes = documents.stories(card.id).stream()
                        .filter(CardDocuments.CardStoryRow::showable)
                        .map(CardDocuments.CardStoryRow::quote)
                        .filter(q -> q != null && !q.isBlank())
                        .toList();
                cards.add(new PublicCard(card.title, PlainWords.withoutStatistics(card.observation), quotes));
            }
        }
        return new Outcomes(
                point.slug, storyPoints.current(point.slug).definition().title().in("nl"), proposals, cards);
    }
}
