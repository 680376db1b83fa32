package nl.vertelpunt.storypoint.paper;

import java.util.Map;

/** The fixed texts of the paper form, in Dutch (B1) and English; other languages get the Dutch ones. */
final class PaperTexts {

    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("kicker", "Vertelpunt · formulier op papier"),
            Map.entry("privacyTitle", "Jouw privacy"),
            Map.entry("crisisTitle", "Heb je zelf dringend hulp nodig?"),
            Map.entry("rolesTitle", "Wie ben je?"),
            Map.entry("roles", "Zet een kruisje bij wat past."),
            Map.entry("storyTitle", "Je verhaal"),
            Map.entry(
                    "storyHint",
                    "Schrijf op wat je hebt meegemaakt. Kort of lang, het mag allebei. Schrijf liever geen namen, "
                            + "adressen of telefoonnummers op."),
            Map.entry("titleLine", "Titel (als je wilt)"),
            Map.entry("storyMore", "Je verhaal (verder)"),
            Map.entry("questionsTitle", "Vragen over je verhaal"),
            Map.entry(
                    "questionsIntro",
                    "Wil of kun je een vraag niet beantwoorden? Sla hem dan over, behalve als er ‘moet je invullen’ bij staat."),
            Map.entry("required", "moet je invullen"),
            Map.entry("onlyFor", "Alleen voor:"),
            Map.entry("slider", "Zet een kruisje op de lijn, waar jij vindt dat het past."),
            Map.entry("notApplicable", "Weet ik niet / niet van toepassing"),
            Map.entry("choice", "Kies één antwoord."),
            Map.entry("multichoice", "Kies wat past. Meer dan één mag."),
            Map.entry("multichoiceMax", "Kies wat past. Je mag er hoogstens {max} kiezen."),
            Map.entry("triad", "Zet een stip in de driehoek. Hoe dichter bij een hoek, hoe meer dat past."),
            Map.entry("stones", "Deze vraag kun je alleen op de website beantwoorden. Sla haar hier over."),
            Map.entry("text", "Schrijf je antwoord op de lijnen."),
            Map.entry("thanks", "Bedankt voor je verhaal! Geef dit formulier terug aan wie het je gaf."),
            Map.entry("forStaff", "Voor de begeleider: ingevoerd op"),
            Map.entry("version", "versie"),
            Map.entry("page", "pagina"),
            Map.entry("of", "van"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("kicker", "Story point · paper form"),
            Map.entry("privacyTitle", "Your privacy"),
            Map.entry("crisisTitle", "Do you need urgent help yourself?"),
            Map.entry("rolesTitle", "Who are you?"),
            Map.entry("roles", "Tick what fits."),
            Map.entry("storyTitle", "Your story"),
            Map.entry(
                    "storyHint",
                    "Write down what happened to you. Short or long, both are fine. Please do not write names, "
                            + "addresses or phone numbers."),
            Map.entry("titleLine", "Title (if you like)"),
            Map.entry("storyMore", "Your story (continued)"),
            Map.entry("questionsTitle", "Questions about your story"),
            Map.entry(
                    "questionsIntro",
                    "If you do not want to or cannot answer a question, skip it, unless it says ‘required’."),
            Map.entry("required", "required"),
            Map.entry("onlyFor", "Only for:"),
            Map.entry("slider", "Put a cross on the line where you think it fits."),
            Map.entry("notApplicable", "Don't know / does not apply"),
            Map.entry("choice", "Choose one answer."),
            Map.entry("multichoice", "Choose what fits. More than one is fine."),
            Map.entry("multichoiceMax", "Choose what fits, at most {max}."),
            Map.entry("triad", "Put a dot in the triangle. The closer to a corner, the more that fits."),
            Map.entry("stones", "You can only answer this question on the website. Skip it here."),
            Map.entry("text", "Write your answer on the lines."),
            Map.entry(
                    "thanks", "Thank you for your story! Please hand this form back to the person who gave it to you."),
            Map.entry("forStaff", "For the facilitator: typed in on"),
            Map.entry("version", "version"),
            Map.entry("page", "page"),
            Map.entry("of", "of"));

    private PaperTexts() {}

    static Map<String, String> of(String lang) {
        return "en".equals(lang) ? EN : NL;
    }
}
