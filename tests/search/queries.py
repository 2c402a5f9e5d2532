"""Queries as people type them, each with the tasks a person would want (judged from the corpus's activities,
institutions and towns, before any result was looked at), and junk queries that should find nothing."""

from .corpus import INSTITUTIONS, tasks

KIND = {slug: kind for slug, _name, _town, _address, kind in INSTITUTIONS}
ELDERLY = {"reading_aloud", "walk", "cycling", "visiting", "games", "senior_exercise", "driving", "it_help",
           "book_delivery"}
WITH_ELDERLY_AT = {"singing", "dining", "garden", "knitting", "crafts", "reading_club", "cafe"}
CHILDREN = {"reading_children", "homework", "football", "handball_swim", "children_play", "code_club",
            "outdoor_school"}


def where(test):
    return {slug for slug, activity, place, fields in tasks() if test(activity, place, fields)}


def activity(*names):
    return where(lambda a, p, f: a in names)


def place(*slugs):
    return where(lambda a, p, f: p in slugs)


def address(word):
    return where(lambda a, p, f: word in f["address"])


def title(*words):
    return where(lambda a, p, f: any(w in f["title"] for w in words))


def kind(*kinds):
    return where(lambda a, p, f: KIND[p] in kinds)


NEWCOMERS = activity("language") | (activity("mentor") & place("sprogcenter"))

RELEVANT = {
    "aeldre": activity(*ELDERLY) | (activity(*WITH_ELDERLY_AT) & kind("carehome", "elderly")),
    "ældre": activity(*ELDERLY) | (activity(*WITH_ELDERLY_AT) & kind("carehome", "elderly")),
    "naerum": where(lambda a, p, f: f["town"] == "naerum"),
    "hojtlaesning": activity("reading_aloud", "reading_children"),
    "gå tur med ældre": activity("walk"),
    "cykle med ældre": activity("cycling"),
    "arbejde med børn": activity(*CHILDREN),
    "mariehøj": place("mariehoej-pleje", "mariehoej-kultur"),
    "nærum skole": place("naerum-skole"),
    "plejecenter holte": place("mariehoej-pleje"),
    "læsning": activity("reading_aloud", "reading_children", "reading_club", "book_delivery"),
    "lektiehjælp": activity("homework"),
    "fodboldtræner": activity("football"),
    "havearbejde": activity("garden"),
    "naturpleje": activity("nature"),
    "plejehjem": kind("carehome"),
    "bibliotek": kind("library"),
    "birkerød": address("Birkerød"),
    "vedbæk": address("Vedbæk"),
    "hosterkob": place("naturcenter-hoesterkoeb"),
    "it hjælp": activity("it_help"),
    "sprogcafe": activity("language"),
    "flygtninge": NEWCOMERS,
    "nydanskere": NEWCOMERS,
    "besøgsven": activity("visiting"),
    "fællessang": activity("singing"),
    "chauffør": activity("driving"),
    "festival": activity("events"),
    "lektiehjaelp": activity("homework"),
    "lektiehjælpp": activity("homework"),
    "fodbold": activity("football"),
    "træner": activity("football", "handball_swim", "senior_exercise"),
    "læse for børn": activity("reading_children"),
    "natur": activity("nature", "outdoor_school", "tours", "litter", "hiking"),
    "skole": kind("school"),
    "oplæsning": activity("reading_aloud", "reading_children"),
    "strikning": activity("knitting"),
    "madlavning": activity("dining"),
    "seniorer computer": activity("it_help"),
    "kulturcenter": place("mariehoej-kultur"),
    "gaatur": activity("walk"),
    "frivillig på plejecenter": kind("carehome"),
    "hjælp til lektier": activity("homework"),
    "trørød": place("troeroedskolen", "boernehuset"),
    "skodsborg": place("skodsborg-pleje"),
    "cykling uden alder": activity("cycling"),
    "besøgsven plejehjem": activity("visiting"),
    "gammel holte": where(lambda a, p, f: f["town"] == "gl_holte"),
    "svømning": title("Svømme", "Vandgymnastik"),
    "kodning for børn": activity("code_club"),
    "mentor": activity("mentor"),
    "affald": activity("litter"),
    "bøger til ældre": activity("book_delivery", "reading_aloud"),
    "museum": place("vedbaekfundene") | activity("museum"),
    "holte": address("Holte"),
}


def says(*forms):
    """Tasks whose own text (title, summary, description) has one of these words (or words beginning with them)."""
    import re

    pattern = re.compile(r"\b(" + "|".join(forms) + r")", re.IGNORECASE)
    return where(lambda a, p, f: pattern.search(" ".join([f["title"], f["summary"], f["description"]])) is not None)


def suits(*groups):
    return where(lambda a, p, f: set(groups) & set(f["target_groups"]))


def in_town(*towns):
    return where(lambda a, p, f: f["town"] in towns)


# Issue 28: meaning that is not in the words of the task. Written and judged from the corpus (activities, places,
# the days and times the texts name, the target groups) before any result of these queries was looked at.
UNDERSTANDING = {
    # concepts: an umbrella word for work the tasks name otherwise
    "udendørs": activity("garden", "nature", "litter", "hiking", "outdoor_school", "tours"),
    "friluftsliv": activity("nature", "hiking", "outdoor_school", "tours"),
    "motion": activity("football", "handball_swim", "senior_exercise", "hiking"),
    "håndarbejde": activity("knitting", "crafts"),
    "kreativ": activity("crafts", "knitting"),
    # time of week, which the texts say in their own words
    "i weekenden": says("lørdag", "søndag", "weekend"),
    "om aftenen": says("aften"),
    "hverdage": says("mandag", "tirsdag", "onsdag", "torsdag", "fredag", r"hverdage\b"),
    # who it is for: the task's target groups
    "med børn": activity(*CHILDREN),
    "for unge": suits("young"),
    "for familier": suits("families"),
    "ældre med demens": activity(*ELDERLY) & kind("carehome"),
    # kinds of organisation: every task the place posts, whatever it is called
    "idrætsforening": kind("sports"),
    "naturcenter": kind("nature"),
    "børnehave": kind("daycare"),
    "frivillig på biblioteket": kind("library"),
    # a facet with a word
    "lektiehjælp i birkerød": activity("homework") & address("Birkerød"),
    "højtlæsning i nærum": activity("reading_aloud", "reading_children") & in_town("naerum"),
    "fodbold holte": activity("football") & address("Holte"),
    "natur i weekenden": activity("nature", "outdoor_school", "tours", "litter", "hiking")
    & says("lørdag", "søndag", "weekend"),
}
RELEVANT.update(UNDERSTANDING)

JUNK = ["kryptovaluta", "faldskærmsudspring", "skattefradrag", "tandlæge", "xyzzy"]


def evaluate(search, k=10) -> dict:
    """search(query) → ranked task slugs. Recall@k counts the relevant tasks in the top k out of
    min(k, number relevant); MRR is the mean of 1 / rank of the first relevant task."""
    per_query, recalls, reciprocal = {}, [], []
    for query, relevant in RELEVANT.items():
        ranked = search(query)
        top = ranked[:k]
        recall = len(relevant & set(top)) / min(k, len(relevant))
        first = next((i for i, slug in enumerate(ranked, 1) if slug in relevant), None)
        recalls.append(recall)
        reciprocal.append(1 / first if first else 0.0)
        per_query[query] = {"recall": round(recall, 2), "first": first, "found": len(ranked)}
    junk = {q: len(search(q)) for q in JUNK}
    return {
        "queries": len(RELEVANT), "recall_at_10": round(sum(recalls) / len(recalls), 3),
        "mrr": round(sum(reciprocal) / len(reciprocal), 3),
        "zero_relevant": [q for q, r in per_query.items() if r["first"] is None or r["first"] > k],
        "junk_results": sum(junk.values()), "junk": junk, "per_query": per_query,
    }
