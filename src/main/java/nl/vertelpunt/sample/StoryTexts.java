package nl.vertelpunt.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dutch story texts for synthetic stories, put together from sentences that fit the role and the valence. Each role
 * speaks in its own voice: a young person in the first person about themselves, a parent about their child (the same
 * son or daughter throughout the story), a professional about the child and the family they work with. No sentence
 * occurs twice in one story: each is drawn from what is left of its pool.
 */
final class StoryTexts {

    /** A child as a story names it: {@code {Kind}}/{@code {kind}}, {@code {eenkind}}, {@code {hij}}, {@code {zijn}}. */
    private record Child(String definite, String indefinite, String he, String his) {

        String fill(String sentence) {
            return sentence.replace("{Kind}", capital(definite))
                    .replace("{kind}", definite)
                    .replace("{eenkind}", indefinite)
                    .replace("{hij}", he)
                    .replace("{zijn}", his);
        }
    }

    /** The sentences of one role's voice. */
    private record Voice(
            Child[] children,
            String[] openings,
            String[] negative,
            String[] positive,
            String[] mixed,
            String[] negativeEndings,
            String[] positiveEndings) {}

    private static final Child[] OWN_CHILDREN = {
        new Child("onze zoon", "een zoon", "hij", "zijn"), new Child("onze dochter", "een dochter", "zij", "haar")
    };
    private static final Child[] CLIENTS = {
        new Child("de jongen", "een jongen", "hij", "zijn"), new Child("het meisje", "een meisje", "zij", "haar")
    };
    private static final Child[] NO_CHILD = {new Child("", "", "", "")};

    private static final Voice PARENT = new Voice(
            OWN_CHILDREN,
            new String[] {
                "{Kind} van negen heeft al een paar jaar moeite op school.",
                "{Kind} kreeg op {zijn} veertiende last van angsten.",
                "Toen ons gezin in een moeilijke periode zat, zochten we hulp voor {kind}.",
                "Na de scheiding ging het thuis niet goed met {kind}.",
                "{Kind}, onze jongste, praat sinds kort bijna niet meer.",
                "De huisarts verwees ons door omdat {kind} vastliep.",
                "Wij zijn pleegouders en {kind} woont sinds {zijn} zesde bij ons.",
                "{Kind} heeft autisme en had extra begeleiding nodig.",
            },
            new String[] {
                "We stonden maandenlang op een wachtlijst en niemand belde ons terug.",
                "Elke keer moesten we ons verhaal opnieuw vertellen aan iemand anders.",
                "Er werd over {kind} beslist zonder dat wij erbij waren.",
                "De hulpverlener luisterde niet naar ons en had het plan al klaar.",
                "Niemand kon ons uitleggen waarom de hulp voor {kind} ineens stopte.",
                "De gemeente en de zorgaanbieder wezen steeds naar elkaar.",
                "We voelden ons niet serieus genomen en werden van het kastje naar de muur gestuurd.",
                "Het duurde veel te lang voordat er echt iets gebeurde.",
                "In het dossier van {kind} stonden dingen die niet klopten.",
                "De hulp paste niet bij wat {hij} nodig had.",
                "Intussen ging {kind} steeds minder vaak naar school.",
                "Ik heb in die tijd vaak wakker gelegen van de zorgen.",
            },
            new String[] {
                "De hulpverlener nam echt de tijd en luisterde goed naar ons.",
                "Samen maakten we een plan waar iedereen achter stond, ook {kind}.",
                "Binnen een week was er iemand die ons kon helpen.",
                "Het was steeds duidelijk wat er ging gebeuren en waarom.",
                "Er was één vast aanspreekpunt, en dat maakte veel verschil.",
                "School, huisarts en wijkteam werkten goed samen.",
                "Ze vroegen ook aan {kind} wat {hij} zelf wilde.",
                "De begeleiding was warm en eerlijk, ook als het moeilijk was.",
                "Langzaam kreeg {kind} weer plezier in dingen.",
                "Wij kregen tips die we thuis meteen konden gebruiken.",
            },
            new String[] {
                "Het begin was lastig, maar later ging het beter.",
                "Sommige mensen hielpen echt, anderen helemaal niet.",
                "De regels maakten het soms ingewikkelder dan nodig.",
                "We moesten veel formulieren invullen.",
                "Het kostte ons veel energie om alles te regelen.",
                "Voor {kind} was het fijn, voor ons als ouders minder.",
            },
            new String[] {
                "Ik hoop dat andere ouders dit niet hoeven mee te maken.",
                "We zijn nog steeds op zoek naar passende hulp voor {kind}.",
                "Het heeft ons veel vertrouwen gekost.",
                "Dit had echt anders gemoeten.",
            },
            new String[] {
                "Het gaat nu een stuk beter met {kind}.",
                "We zijn heel dankbaar voor deze hulp.",
                "Zo zou het voor elk gezin moeten gaan.",
                "We kijken weer met vertrouwen vooruit.",
            });

    private static final Voice YOUTH = new Voice(
            NO_CHILD,
            new String[] {
                "Ik ben zestien en ik woon sinds een jaar in een groep.",
                "Toen ik dertien was ging het thuis echt mis.",
                "Ik had heel lang last van somberheid en wist niet bij wie ik terecht kon.",
                "Mijn mentor op school zag dat het niet goed met me ging.",
                "Ik ben vijftien en ik heb een begeleider van het wijkteam.",
                "Sinds mijn ouders uit elkaar zijn, woon ik bij mijn oma.",
            },
            new String[] {
                "Ik moest heel lang wachten voordat ik iemand kon spreken.",
                "Steeds kreeg ik een nieuwe begeleider en moest ik alles opnieuw vertellen.",
                "Ze praatten over mij, maar niet met mij.",
                "Mijn hulpverlener luisterde niet echt, die had alles al bedacht.",
                "Niemand legde mij uit waarom ik naar een andere groep moest.",
                "Op de groep voelde ik me vaak alleen.",
                "Ik durfde niet te zeggen wat ik echt dacht.",
                "In mijn dossier stonden dingen over mij die niet klopten.",
                "De gesprekken gingen vooral over regels en niet over mij.",
                "Ik snapte vaak niet wat er ging gebeuren.",
            },
            new String[] {
                "Mijn begeleider nam echt de tijd voor mij.",
                "Ik mocht zelf meepraten over mijn plan.",
                "Ze legden alles uit in gewone woorden.",
                "Eindelijk was er iemand die me geloofde.",
                "Ik had één vast iemand die ik altijd kon appen.",
                "Op school hielpen ze me om weer mee te doen.",
                "Ik voelde me gehoord en er werd naar mijn mening gevraagd.",
                "Ze keken naar wat ik wel kon, niet alleen naar wat misging.",
            },
            new String[] {
                "Het begin was echt stom, maar later werd het beter.",
                "Sommige begeleiders snapten me, anderen helemaal niet.",
                "Al die regels maakten het soms lastiger dan nodig.",
                "Ik moest veel gesprekken voeren waar ik geen zin in had.",
                "Soms ging het goed en soms weer helemaal niet.",
            },
            new String[] {
                "Ik hoop dat andere jongeren dit niet hoeven mee te maken.",
                "Ik weet nog steeds niet goed waar ik heen kan.",
                "Ik vertrouw hulpverleners niet zo snel meer.",
                "Dit had echt anders gemoeten.",
            },
            new String[] {
                "Het gaat nu veel beter met me.",
                "Ik ben blij dat ik hulp heb gevraagd.",
                "Zo zou het voor iedereen moeten gaan.",
                "Ik heb weer zin in de toekomst.",
            });

    private static final Voice PROFESSIONAL = new Voice(
            CLIENTS,
            new String[] {
                "Als ambulant hulpverlener begeleid ik een gezin waarin {eenkind} van elf vastliep.",
                "In het wijkteam kregen we een melding over {eenkind} van twaalf.",
                "Ik werk als jeugdbeschermer en had een zaak over {eenkind} die me raakte.",
                "Op school zag ik als zorgcoördinator {eenkind} uit de tweede klas steeds stiller worden.",
                "Als gedragswetenschapper was ik betrokken bij de plaatsing van {eenkind} van negen.",
                "Als pleegzorgbegeleider zag ik {eenkind} van tien voor de derde keer van pleeggezin wisselen.",
            },
            new String[] {
                "Het gezin stond maandenlang op een wachtlijst voor specialistische hulp.",
                "De ouders moesten hun verhaal steeds opnieuw vertellen aan een nieuwe hulpverlener.",
                "Er werd over {kind} beslist zonder dat {hij} zelf gehoord werd.",
                "Mijn collega's en ik hadden te weinig tijd om echt naar het gezin te luisteren.",
                "De hulp stopte toen de indicatie afliep, terwijl {kind} er nog niet klaar voor was.",
                "De gemeente en de zorgaanbieder wezen steeds naar elkaar.",
                "Ik moest meer tijd aan verantwoording besteden dan aan {kind}.",
                "Het duurde te lang voordat er een passende plek voor {kind} was.",
                "In het dossier stonden oude conclusies die niemand meer controleerde.",
                "Het aanbod paste niet bij wat {kind} en {zijn} ouders nodig hadden.",
            },
            new String[] {
                "We namen de tijd om samen met de ouders een plan te maken.",
                "{Kind} mocht zelf kiezen wie er bij de gesprekken was.",
                "Binnen een week kon het gezin bij ons terecht.",
                "School, huisarts en wijkteam stemden goed met elkaar af.",
                "Het gezin had één vast aanspreekpunt, en dat maakte veel verschil.",
                "De ouders voelden zich gehoord en durfden weer hulp te vragen.",
                "We keken vooral naar wat goed ging in het gezin.",
                "Ik zag {kind} stap voor stap weer vertrouwen krijgen.",
            },
            new String[] {
                "Het begin was lastig, maar later ging het beter.",
                "Niet alle betrokken organisaties werkten even goed mee.",
                "De regels maakten het soms ingewikkelder dan nodig.",
                "Er ging veel tijd zitten in formulieren en overleg.",
                "De ouders en ik waren het niet altijd eens, maar we bleven praten.",
            },
            new String[] {
                "Ik hoop dat we dit als sector beter leren doen.",
                "Het gezin wacht nog steeds op passende hulp.",
                "Het heeft het vertrouwen van de ouders veel gekost.",
                "Dit had echt anders gemoeten.",
            },
            new String[] {
                "Het gaat nu een stuk beter met {kind} en het gezin.",
                "Dit is waarom ik dit werk doe.",
                "Zo zou het altijd moeten gaan.",
                "Het gezin kijkt weer met vertrouwen vooruit.",
            });

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

    /** The voice of a role: youth and professionals by their ids in the sample story points, anyone else a parent's. */
    private static Voice voice(String role) {
        return switch (role) {
            case "professional" -> PROFESSIONAL;
            case "jongere" -> YOUTH;
            default -> PARENT;
        };
    }

    static String story(SplittableRandom random, String role, double valence, boolean brief) {
        Voice voice = voice(role);
        Child child = voice.children()[random.nextInt(voice.children().length)];
        List<String> used = new ArrayList<>();
        StringBuilder sb = new StringBuilder(child.fill(pick(random, voice.openings(), used)));
        if (brief) {
            return sb.toString();
        }
        int sentences = 2 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            double p = random.nextDouble();
            String[] pool = p < 0.2
                    ? voice.mixed()
                    : (valence + random.nextGaussian() * 0.6 < 0 ? voice.negative() : voice.positive());
            String sentence = pick(random, pool, used);
            if (sentence != null) {
                sb.append(' ').append(child.fill(sentence));
            }
        }
        if (random.nextDouble() < 0.15) {
            String sentence = pick(random, voice.mixed(), used);
            if (sentence != null) {
                sb.append("\n\n").append(child.fill(sentence));
            }
        }
        String[] endings = valence < 0 ? voice.negativeEndings() : voice.positiveEndings();
        sb.append(' ').append(child.fill(pick(random, endings, used)));
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

    /** A sentence of the pool that the story has not used yet (and now has), or null when it used them all. */
    private static String pick(SplittableRandom random, String[] pool, List<String> used) {
        List<String> left = new ArrayList<>(pool.length);
        for (String s : pool) {
            if (!used.contains(s)) {
                left.add(s);
            }
        }
        if (left.isEmpty()) {
            return null;
        }
        String s = left.get(random.nextInt(left.size()));
        used.add(s);
        return s;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
