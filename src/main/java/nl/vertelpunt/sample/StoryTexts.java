package nl.vertelpunt.sample;

import java.util.SplittableRandom;

/** Dutch story texts for synthetic stories, put together from phrases that fit the role and the valence. */
final class StoryTexts {

    private static final String[] PARENT_OPENINGS = {
        "Onze zoon van negen heeft al een paar jaar moeite op school.",
        "Mijn dochter kreeg op haar veertiende last van angsten.",
        "Toen ons gezin in een moeilijke periode zat, zochten we hulp.",
        "Na de scheiding ging het thuis niet goed met de kinderen.",
        "Onze jongste praat sinds kort bijna niet meer.",
        "De huisarts verwees ons door omdat onze zoon vastliep.",
        "Wij zijn pleegouders van een meisje van zes.",
        "Mijn zoon heeft autisme en had extra begeleiding nodig.",
    };
    private static final String[] PROFESSIONAL_OPENINGS = {
        "Als ambulant hulpverlener begeleid ik een gezin met drie kinderen.",
        "In het wijkteam kregen we een melding over een jongen van twaalf.",
        "Ik werk als jeugdbeschermer en had een zaak die me raakte.",
        "Op school zag ik als zorgcoördinator een leerling steeds stiller worden.",
        "Als gedragswetenschapper was ik betrokken bij een plaatsing.",
        "Als pleegzorgbegeleider zie ik veel wisselingen van hulpverleners.",
    };
    private static final String[] YOUTH_OPENINGS = {
        "Ik ben zestien en ik woon sinds een jaar in een groep.",
        "Toen ik dertien was ging het thuis echt mis.",
        "Ik had heel lang last van somberheid en wist niet bij wie ik moest zijn.",
        "Mijn mentor op school zag dat het niet goed met me ging.",
    };
    private static final String[] NEGATIVE = {
        "We stonden maandenlang op een wachtlijst en niemand belde ons terug.",
        "Elke keer moesten we ons verhaal opnieuw vertellen aan iemand anders.",
        "Er werd over ons beslist zonder dat we erbij waren.",
        "De hulpverlener luisterde niet en had het plan al klaar.",
        "Niemand kon uitleggen waarom de hulp ineens stopte.",
        "De gemeente en de zorgaanbieder wezen steeds naar elkaar.",
        "We voelden ons niet serieus genomen en werden van het kastje naar de muur gestuurd.",
        "Het duurde veel te lang voordat er echt iets gebeurde.",
        "In het dossier stonden dingen die niet klopten.",
        "De hulp paste niet bij wat ons kind nodig had.",
    };
    private static final String[] POSITIVE = {
        "De hulpverlener nam echt de tijd en luisterde goed.",
        "Samen maakten we een plan waar iedereen achter stond.",
        "Binnen een week was er iemand die ons kon helpen.",
        "Het was steeds duidelijk wat er ging gebeuren en waarom.",
        "Er was één vast aanspreekpunt, en dat maakte veel verschil.",
        "School, huisarts en wijkteam werkten goed samen.",
        "Ik voelde me gehoord en er werd naar mijn mening gevraagd.",
        "De begeleiding was warm en eerlijk, ook als het moeilijk was.",
    };
    private static final String[] MIXED = {
        "Het begin was lastig, maar later ging het beter.",
        "Sommige mensen hielpen echt, anderen helemaal niet.",
        "De regels maakten het soms ingewikkelder dan nodig.",
        "We moesten veel formulieren invullen.",
        "Het kostte veel energie om alles te regelen.",
    };
    private static final String[] NEGATIVE_ENDINGS = {
        "Ik hoop dat anderen dit niet hoeven mee te maken.",
        "We zijn nog steeds op zoek naar passende hulp.",
        "Het heeft veel vertrouwen gekost.",
        "Dit had echt anders gemoeten.",
    };
    private static final String[] POSITIVE_ENDINGS = {
        "Het gaat nu een stuk beter met ons.",
        "Ik ben heel dankbaar voor deze hulp.",
        "Zo zou het altijd moeten gaan.",
        "We kijken weer met vertrouwen vooruit.",
    };
    private static final String[] NEGATIVE_TITLES = {
        "Van het kastje naar de muur", "Te lang gewacht", "Niet gehoord", "Steeds opnieuw beginnen", "Alleen gelaten"
    };
    private static final String[] POSITIVE_TITLES = {
        "Eindelijk gehoord", "Samen een plan", "Snel geholpen", "Een vast gezicht", "Goede samenwerking"
    };
    private static final String[] TIPS = {
        "Luister naar ouders en kinderen.", "Zorg voor één vast aanspreekpunt.", "Maak wachttijden korter.",
        "Leg uit wat er gaat gebeuren.", "Neem jongeren serieus.", "Werk samen met school."
    };

    private StoryTexts() {}

    static String story(SplittableRandom random, String role, double valence, boolean brief) {
        StringBuilder sb = new StringBuilder();
        String[] openings = switch (role) {
            case "professional" -> PROFESSIONAL_OPENINGS;
            case "jongere" -> YOUTH_OPENINGS;
            default -> PARENT_OPENINGS;
        };
        sb.append(pick(random, openings));
        if (brief) {
            return sb.toString();
        }
        int sentences = 2 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            double p = random.nextDouble();
            String[] pool = p < 0.2 ? MIXED : (valence + random.nextGaussian() * 0.6 < 0 ? NEGATIVE : POSITIVE);
            sb.append(' ').append(pick(random, pool));
        }
        if (random.nextDouble() < 0.15) {
            sb.append("\n\n").append(pick(random, MIXED));
        }
        sb.append(' ').append(pick(random, valence < 0 ? NEGATIVE_ENDINGS : POSITIVE_ENDINGS));
        return sb.toString();
    }

    static String title(SplittableRandom random, double valence) {
        return pick(random, valence < 0 ? NEGATIVE_TITLES : POSITIVE_TITLES);
    }

    static String tip(SplittableRandom random, double valence) {
        return pick(random, TIPS);
    }

    private static String pick(SplittableRandom random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
