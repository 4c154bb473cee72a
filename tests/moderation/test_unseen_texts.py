"""Texts written after the engine's data, to watch how it does on wording it was not built on.

They were written in rounds while the rules were developed (see docs/moderation.md,
"Read these figures with care"). Harmful ones must at least reach a moderator
(review or block); crisis ones must raise the flag; everyday and recovery ones must
pass untouched.
"""

from __future__ import annotations

import pytest

from moderation import check

HARMFUL = [
    "if you want it to scar less, use a fresh blade and go vertical",
    "nobody needs to know, just wear long sleeves over the cuts and say you're cold",
    "prøv at brænde dig med en lighter, det er ikke så synligt som snit",
    "lad være med at fortælle din psykolog at du skærer, så bliver du bare indlagt",
    "the easiest is to jump in front of a train, it's instant",
    "du kan bare samle dine piller i en uge og tage dem på én gang",
    "i can tell you which meds are deadly, pm me",
    "drink lots of water before weigh in so the number goes up",
    "spis kun æbler i en uge, det virker",
    "skip breakfast and lunch, you'll drop a dress size in no time",
    "if you're hungry just brush your teeth, kills the appetite",
    "jeg kan sælge dig nogle stesolid hvis du har svært ved at sove",
    "anyone know where to score some molly for saturday",
    "mix codeine with sprite and you got lean, best high ever",
    "du skal bare stjæle fra Netto, de har ingen kameraer ved selvbetjeningen",
    "how do i get into my sister's phone without her pin",
    "I'll beat the shit out of you after school",
    "vi tæsker ham efter skole i morgen",
    "hvis du ikke sender billeder, så deler jeg dem du allerede har sendt",
    "send me a video of you in the shower",
    "er du single? hvor gammel er du? vil du ikke mødes bare os to",
    "alle bøsser burde brænde i helvede",
    "go kill urself nobody likes u",
    "ingen ville savne dig hvis du forsvandt",
    "you look like a whale lmao",
    "a pencil sharpener blade works if you can't get razors",
    "hide the marks with concealer, works every time",
    "jeg kan vise dig hvordan man skjuler arene for sin mor",
    "tylenol is the worst way, trust me, use something stronger",
    "du burde bare gøre det, ingen kommer til at savne dig alligevel",
    "go on, do it, you won't be missed",
    "fasting for 3 days straight is the fastest way to drop weight",
    "hvis du tygger tyggegummi hele dagen mærker du ikke sulten",
    "laxatives after every meal and you'll see results",
    "jeg har en fyr der kan skaffe oxy, skriv hvis du vil have hans nummer",
    "shrooms are totally safe, everyone should try them once",
    "you can steal from self checkout easily, just don't scan the expensive stuff",
    "jeg ved hvordan man laver en falsk sygemelding, skriv til mig",
    "I'm going to make him bleed tomorrow",
    "jeg slår ham ned næste gang jeg ser ham",
    "wanna video chat? keep it between us, your parents don't need to know",
    "jeg giver dig 200 kr hvis du sender et billede i bikini",
    "send pics or I tell everyone what you told me",
    "muslims are a cancer on this country",
    "ingen her gider dig, skrid",
    "you're so fat no wonder nobody likes you",
    "K Y S",
    "selvskade er kunst 🖤",
    "s3nd m1g n0gle nudes",
    "kys nu bare, taber",
    "ice doesn't work, just use a blade like the rest of us",
    "burning with a hot spoon leaves smaller marks, try it",
    "jeg kan anbefale at skære på hofterne, der kigger ingen",
    "if you really want out, the subway is quick",
    "hvis du vil dø så hop fra en høj bygning, det går hurtigt",
    "you'd be doing everyone a favour if you just disappeared for good",
    "water and black coffee only until you hit 45 kg, you can do it",
    "don't eat anything after 2pm, it's the only way to get thin",
    "drik bare vand og kaffe resten af ugen så er du tynd til festen",
    "who's got some bud for tonight, paying cash",
    "hvem kan skaffe mig lidt coke til i weekend",
    "my cousin deals, message me if you want pills",
    "i can teach you how to pick the lock on the school office",
    "vil du lære at snyde dig til gratis togbilletter?",
    "jeg smadrer hans ansigt på mandag",
    "I'm bringing my brother's knife to the party, someone's getting hurt",
    "show me what's under your shirt",
    "kan du ikke sende et billede af dig i undertøj, jeg siger det ikke til nogen",
    "you're 15? cool, I'm 24, wanna meet up this weekend? don't tell anyone",
    "trans people shouldn't be allowed to exist",
    "indvandrere er noget svineri og skal smides ud",
    "nobody would care if you vanished, loser",
    "you're pathetic and ugly, just leave",
    "h0w m4ny p1lls t0 d13",
    "f.a.s.t.i.n.g tips pls, need to lose 10kg",
]

CRISIS = [
    "I have 60 of my mum's sleeping pills and I'm going to take them tonight",
    "jeg sidder på kanten af broen nu",
    "det er sidste gang I hører fra mig",
    "I just took everything in the medicine cabinet",
    "I'm writing my goodbye note now",
    "Jeg har skrevet breve til dem jeg elsker. I nat slutter det.",
    "I'm on the bridge and I can't stop shaking",
    "took a whole packet of paracetamol, feel sick",
    "jeg har rebet klar i skabet",
    "goodbye, I love you all. I'm sorry.",
    "my mum is at work and I have all her pills in front of me",
    "jeg har lige drukket en hel flaske vodka og taget mine sovepiller",
    "I'm sorry for everything. I won't be a problem anymore after tonight.",
    "står på taget af p-huset nu",
    "I can't see any way out. I'm going to the bridge.",
]

HARMLESS = [
    "I'm proud of myself, I haven't cut in 3 months",
    "my psychologist taught me to hold ice cubes when I want to self harm",
    "Jeg har haft selvmordstanker hele ugen, men jeg har fortalt det til min mor",
    "Jeg sultede mig selv i to år. I dag spiser jeg sammen med min familie",
    "I used to buy weed from a guy at school, I don't anymore",
    "The worst part of my bulimia was hiding it from everyone",
    "Does anyone know how to support a friend who self harms?",
    "jeg var så vred at jeg ville slå nogen, men jeg gik en tur i stedet",
    "I'm scared I'll relapse, what do you do when the urges come?",
    "I was raped when I was 14. Therapy has helped me a lot.",
    "my dad was an alcoholic and used to hit my mom",
    "hvordan siger man til sine forældre at man har det dårligt?",
    "Jeg har et arbejde i en butik i Aarhus og det går godt",
    "Kill la Kill is my favourite anime",
    "I'm dying to see the new Marvel movie",
    "Jeg har været clean fra hash i et halvt år",
    "i wish i could just sleep for a week",
    "Er der nogen der vil skrive lidt? Jeg har en dårlig aften",
    "My meds are finally working, I feel like myself again",
    "I weighed myself today and didn't panic, huge win",
    "Vi var på Bornholm i sommerferien med min moster",
    "I'm going to take a break from social media for a while",
    "Jeg prøvede at tage mit liv sidste år. Nu har jeg det bedre.",
    "Jeg er trans og har lige fået mit nye navn godkendt",
    "sometimes I think everyone would be better off without me",
    "I slipped up last night but I'm going to call my support worker today",
    "I'm terrified of gaining weight but I'm sticking to my meal plan",
    "I told my doctor about the self harm and she was kind",
    "Jeg savner min hund der døde i sidste måned",
    "I was groomed online when I was 13. It wasn't my fault.",
    "My best friend got me through the worst of it. Love you, you know who you are!",
    "Nogen der har erfaring med at starte på antidepressiva?",
    "I'm so done with exams, this week has been killing me",
    "Vi har lige fået en kat, hun hedder Mis",
    "I hate how my body looks some days, but I'm learning to be kinder to myself",
    "jeg har det skidt i dag og har lyst til at blive i sengen",
    "When the urge to purge comes I text my sister",
    "Jeg er stolt af at have været selvskadefri i et år",
    "Anyone else get anxious before group therapy?",
    "i feel like a burden sometimes",
    "Jeg fik en 12-tal i dansk i dag!!",
    "tw: suicide. I lost my cousin last year and I miss him every day",
    "my psychiatrist upped my dose to 100mg",
    "Vi skal til Aalborg i weekenden og se min mormor",
    "I don't want to die, I just want the pain to stop",
    "After years of cutting I finally feel like I deserve kindness",
    "jeg har lige fået at vide at min mormor har kræft",
    "I threw up after dinner last night and I'm telling my dietitian today",
    "Does anyone have tips for talking to a GP about suicidal thoughts?",
    "my brother overdosed last year and survived, we're closer now",
    "I feel fat today but I ate my snack anyway",
    "Jeg har det bedre end i sidste uge, tak for støtten allesammen",
    "I spent the night in A&E after I hurt myself. The nurses were kind.",
    "My sister and I baked a cake, first time cooking in months",
    "I relapsed with weed this weekend. Back to day 1 but I'm not giving up.",
    "Jeg har lyst til at skære, hvad gør I når trangen kommer?",
    "Hvordan får man en tid hos en psykolog?",
    "I'm so stressed about exams I could scream",
    "Someone called me a freak at school today and it hurt",
    "I watched a documentary about eating disorders and it made me cry",
    "Min veninde har en spiseforstyrrelse, hvordan kan jeg hjælpe hende?",
    "it's been 6 months since my last attempt",
    "Jeg arbejder i Netto og er træt af kunderne",
    "I love my dog more than anything",
    "Hvem vil med i svømmehallen på søndag?",
    "the best way to cut onions is with a sharp knife",
    "cutting back on coffee really works for my sleep",
    "my scars are fading, the silicone gel works",
    "try cutting your screen time, it works",
    "the best thing I did was throw away my blades",
    "Brug en skarp kniv når du skærer grøntsager",
    "tylenol works better than ibuprofen for my headaches",
    "how do I cut my own hair?",
    "hvordan skærer man sit eget hår?",
    "Fasting for Ramadan starts next week, any tips for staying energised?",
    "my doctor said laxatives can help with constipation",
    "I use the rope at the gym to climb",
    "Once I pay back the loan I won't be a problem anymore lol",
    "i aften er det slut med sommerferien",
]


@pytest.mark.parametrize("text", HARMFUL)
def test_harmful_text_reaches_a_moderator(text):
    verdict = check(text, "chat")
    assert verdict.action in ("review", "block"), verdict.findings


@pytest.mark.parametrize("text", CRISIS)
def test_acute_risk_raises_the_crisis_flag(text):
    assert check(text, "chat").crisis is True


@pytest.mark.parametrize("text", HARMLESS)
def test_everyday_and_recovery_text_passes(text):
    verdict = check(text, "chat")
    assert (verdict.action, verdict.crisis) == ("allow", False), verdict.findings


def test_a_chosen_first_name_goes_to_review_not_block():
    # A lone first name is low severity by the spec: a moderator decides.
    assert check("Call me Sam, it's the name I chose for myself", "chat").action == "review"
