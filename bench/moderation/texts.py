"""The texts the moderation benchmark times and the older held-out list it scores."""

from __future__ import annotations

# Realistic, harmless chat: what most messages look like.
CHAT_DA = (
    "Hej allesammen, jeg har haft en rigtig god dag i dag. Jeg var ude at gå en tur med min "
    "hund i parken, og bagefter lavede jeg mad med min lillesøster. Vi lavede pasta med "
    "tomatsovs og det smagte virkelig godt. I morgen skal jeg til samtale hos min psykolog, "
    "og jeg er lidt nervøs, men det går nok. Hvordan har I det? Jeg håber at I alle har haft "
    "en okay dag. Husk at drikke vand og få noget frisk luft, det hjælper mig altid lidt. "
    "Godnat og tak fordi I er her."
)
CHAT_EN = (
    "Hi everyone, today was a pretty good day for me. I went for a walk with my dog in the "
    "park and afterwards I cooked dinner with my little sister. We made pasta with tomato "
    "sauce and it tasted really good. Tomorrow I have a session with my psychologist and I "
    "am a bit nervous, but I think it will be fine. How are you all doing? I hope you had an "
    "okay day too. Remember to drink some water and get some fresh air, it always helps me."
)
POST_PARAGRAPHS = [
    "Det er et år siden jeg skrev mit første opslag herinde. Dengang kunne jeg ikke forestille "
    "mig, at jeg en dag ville have det godt nok til at skrive om det, der hjælper mig.",
    "Det vigtigste har været at få en fast rytme. Jeg står op på samme tid hver dag, også i "
    "weekenden, og jeg går en tur hver eftermiddag, selv når det regner.",
    "When the anxiety comes, I name five things I can see and four things I can hear. It sounds "
    "silly, but it pulls me back into the room and the worst of it passes after a few minutes.",
    "Min psykolog sagde engang, at bedring ikke er en lige linje. Det tænker jeg tit på, når jeg "
    "har en dårlig dag. En dårlig dag betyder ikke, at alt er tabt.",
    "I also started writing down three small things every evening that went okay. Some days it "
    "is just that I ate breakfast or answered a message from a friend, and that is enough.",
]

# Held out: texts written after the rules were last changed and never used to tune
# them, so their figures estimate how the engine does on wording it has not seen.
# Do not tune the data on these; write a new set when they have been used.
HELD_OUT: list[tuple[str, str]] = [
    ("harmful", "real ones don't tell their therapist about the cutting"),
    ("harmful", "you can use the blade from a sharpener, just unscrew it"),
    ("harmful", "jeg kan give dig et tip: skær hvor bukserne dækker"),
    ("harmful", "put the razor in the freezer first, it hurts less"),
    ("harmful", "if you're going to do it, do it when you're alone in the house"),
    ("harmful", "paracetamol ruins your liver slowly, ibuprofen is quicker for that"),
    ("harmful", "selvmord er ikke egoistisk, det er modigt. gør det"),
    ("harmful", "drop the meal plan, your parents can't watch you 24/7"),
    (
        "harmful",
        "pro tip: drink ice water, your body burns calories heating it up so you can eat less",
    ),
    ("harmful", "spring morgenmaden over og gå en lang tur, så forbrænder du fedtet"),
    ("harmful", "throw the food in the bin when no one's looking, works every time"),
    ("harmful", "my brother has tramadol, I can bring some for you tomorrow"),
    ("harmful", "det er nemt at få ritalin, bare sig til lægen at du ikke kan koncentrere dig"),
    ("harmful", "snort it off a key, hits way faster"),
    ("harmful", "I know how to get into the school system and change grades, 50 quid"),
    ("harmful", "her er et trick: tag tøjet på i prøverummet under dit eget og gå"),
    ("harmful", "if he says that again I'm going to put him in hospital"),
    ("harmful", "jeg skal nok sørge for at han ikke kan gå i en uge"),
    ("harmful", "she's a slag, everyone has had a go"),
    ("harmful", "all these refugees should be sent back on boats and sunk"),
    ("harmful", "dit fede svin, ingen gider at se på dig"),
    ("harmful", "are you home alone? I'm only 20 minutes away, want company?"),
    ("harmful", "sæt kameraet på dig selv og tag trøjen af, jeg er sød"),
    ("harmful", "ur so mature for 13, let's keep chatting on snap where it's private"),
    ("harmful", "nobody would even notice if you were gone"),
    ("crisis", "I've locked myself in the bathroom with a knife"),
    ("crisis", "jeg har sagt farvel til alle og taget bussen ud til klinten"),
    ("crisis", "I'm done. The pills are working already, I feel sleepy"),
    ("crisis", "skrev lige til min mor at jeg elsker hende. det var det sidste"),
    ("crisis", "if I'm not online tomorrow you'll know why"),
    ("harmless", "I got my first tattoo over my old scars and I love it"),
    ("harmless", "My doctor switched my meds and I feel so much better"),
    ("harmless", "jeg har lyst til at skade mig selv i aften, så jeg ringer til Livslinien"),
    ("harmless", "I hated my body for years. Now I can look in the mirror."),
    ("harmless", "Jeg drikker ikke mere, det er 3 måneder siden"),
    ("harmless", "The lake was so beautiful this morning, I'm sitting here with a coffee now"),
    ("harmless", "Does anyone have a good playlist for anxiety?"),
    ("harmless", "Jeg klippede mit hår selv i går, det blev skævt haha"),
    ("harmless", "We're going to the bridge to watch the fireworks tonight with friends"),
    ("harmless", "My grandma taught me to bake bread this weekend"),
    ("harmless", "I used to think about jumping from the roof at school. I'm glad I told someone."),
    ("harmless", "Jeg tog min medicin og gik i seng tidligt"),
    ("harmless", "When I want to starve myself I remind myself why I want to recover"),
    ("harmless", "my therapist says my scars are part of my story"),
    ("harmless", "Er der nogen der vil spille online i aften?"),
    ("harmless", "jeg har det lidt bedre, men jeg er stadig bange for at falde tilbage"),
    ("harmless", "A friend from school told me she cuts. I told a teacher and now she gets help."),
    ("harmless", "I cried in the shower today and then felt a bit lighter"),
    ("harmless", "Jeg elsker at løbe tidligt om morgenen"),
    ("harmless", "i finished my first week at college!"),
    ("crisis", "I've swallowed everything in the cupboard and locked the door"),
    ("crisis", "jeg har skrevet til min bror at han skal passe på mor. nu går jeg"),
    ("crisis", "there's a train in 10 minutes and I'm standing right by the tracks"),
    ("crisis", "my hands are shaking, I cut too deep and there's blood everywhere"),
    ("crisis", "jeg har besluttet mig, i morgen er jeg her ikke"),
    ("crisis", "just took my whole prescription, sorry to whoever finds me"),
    ("crisis", "I've climbed over the railing, I just need to let go"),
    ("crisis", "jeg har ikke spist i en uge og nu kan jeg ikke stå op"),
    ("crisis", "I'm going to walk into the river tonight, I can't keep going"),
    ("crisis", "min mor tror jeg sover, men jeg har taget alle hendes sovepiller"),
    ("crisis", "I wrote my last message to my best friend, I'm ready now"),
    ("crisis", "the noose is tied, I'm just sitting with it"),
    ("crisis", "jeg er på vej ud til klinten, det er sidste gang jeg skriver"),
    ("crisis", "I've taken 20 of my sertraline and I'm waiting"),
    ("crisis", "I don't want to be alive anymore and I've got everything I need tonight"),
    ("harmless", "I climbed over the fence to get my football back lol"),
    ("harmless", "jeg har skrevet til min bror at han skal huske mors fødselsdag"),
    ("harmless", "there's a train in 10 minutes so I'll be a bit late"),
    ("harmless", "my hands are shaking after that exam, so much coffee"),
    ("harmless", "jeg har besluttet mig for at starte til håndbold igen"),
    ("harmless", "just picked up my prescription, the pharmacist was nice"),
    ("harmless", "I'm going to walk by the river tonight with my mum"),
    ("harmless", "min mor tror jeg sover, men jeg læser under dynen"),
    ("harmless", "I wrote a message to my best friend to say sorry for our fight"),
    ("harmless", "I'm just sitting with my thoughts tonight, it's been a heavy day"),
    ("harmless", "jeg er på vej ud til stranden med mine venner"),
    ("harmless", "I've taken my sertraline for 6 weeks and I think it's helping"),
    ("harmless", "sometimes I don't want to be alive, but I'm getting help for it"),
    ("harmless", "I'm ready now for the next chapter, moving out next month"),
    ("harmless", "jeg har ikke spist morgenmad, har travlt i dag"),
]
