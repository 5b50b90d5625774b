/// General English knowledge the script builder needs: words of speech, titles, pronouns.
/// Nothing here belongs to a particular book.
enum Lexicon {
    /// Verbs that introduce or tag speech, in the forms a tag uses.
    static let speechVerbs: Set<String> = {
        let stems = """
            say said says saying ask asked asks reply replied replies answer answered answers \
            cry cried cries exclaim exclaimed exclaims whisper whispered whispers mutter muttered mutters \
            murmur murmured murmurs return returned continue continued continues add added adds \
            observe observed observes interrupt interrupted interrupts resume resumed resumes \
            shout shouted shouts call called calls yell yelled scream screamed shriek shrieked \
            repeat repeated repeats remark remarked remarks rejoin rejoined retort retorted \
            declare declared declares insist insisted insists explain explained explains \
            begin began inquire inquired inquires enquire enquired demand demanded demands \
            protest protested protests suggest suggested suggests admit admitted admits \
            agree agreed agrees confess confessed confesses confessing promise promised \
            growl growled snap snapped snarl snarled sob sobbed sigh sighed sighs laugh laughed laughs \
            chuckle chuckled giggle giggled smile smiled smiles grin grinned sneer sneered \
            gasp gasped groan groaned moan moaned wail wailed whine whined hiss hissed \
            stammer stammered stutter stuttered mumble mumbled grumble grumbled \
            tell told tells speak spoke speaks breathe breathed sang sing sings \
            announce announced state stated note noted concede conceded conclude concluded \
            counter countered persist persisted pursue pursued urge urged plead pleaded pled \
            beg begged warn warned assure assured assent assented object objected \
            venture ventured hazard hazarded volunteer volunteered offer offered \
            reason reasoned argue argued complain complained lament lamented \
            bellow bellowed roar roared thunder thundered bark barked boom boomed \
            squeal squealed squeak squeaked chirp chirped croak croaked rasp rasped \
            blurt blurted burst exclaiming answering replying asking crying saying whispering \
            reply reassure reassured taunt taunted tease teased soothe soothed console consoled \
            joke joked quip quipped mock mocked scoff scoffed jeer jeered coax coaxed \
            prompt prompted correct corrected interpose interposed put went observe \
            think thought thinks wonder wondered write wrote read \
            finish finished end ended go goes cut break broke reflect reflected \
            acknowledge acknowledged confirm confirmed deny denied recall recalled \
            command commanded order ordered instruct instructed direct directed \
            greet greeted hail hailed pray prayed implore implored entreat entreated \
            inform informed remind reminded report reported respond responded \
            accost accosted address addressed submit submitted \
            flash flashed nod nodded quaver quavered falter faltered chime chimed drawl drawled lisp lisped \
            pipe piped purr purred sniff sniffed snort snorted bawl bawled moralise moralised moralize moralized \
            apologise apologised apologize apologized shouting calling whispering muttering murmuring answering \
            adding observing continuing remarking repeating returning interrupting declaring laughing sobbing \
            sighing screaming shrieking resuming rejoining retorting inquiring enquiring demanding protesting \
            suggesting insisting explaining beginning pleading begging warning urging stammering gasping \
            echo echoed echoes query queried muse mused scold scolded caution cautioned ejaculate ejaculated \
            expostulate expostulated remonstrate remonstrated vociferate vociferated pant panted \
            proceed proceeded whimper whimpered splutter spluttered sputter sputtered insinuate insinuated \
            concur concurred demur demurred opine opined assert asserted quoth explode exploded
            """
        return Set(stems.split(separator: " ").map(String.init))
    }()

    /// Speech verbs that are first of all gestures (`nodded`, `smiled`): they tag a quotation
    /// only when written as part of its sentence (`"Yes," she smiled`); as a sentence of their
    /// own (`"Yes." Lucy smiled.`) they are as often the listener's reaction.
    static let gestureVerbs: Set<String> = [
        "nod", "nodded", "smile", "smiled", "smiles", "grin", "grinned", "laugh", "laughed", "laughs",
        "chuckle", "chuckled", "giggle", "giggled", "sigh", "sighed", "sighs", "assent", "assented",
        "sniff", "sniffed", "snort", "snorted", "flash", "flashed", "sob", "sobbed", "gasp", "gasped",
        "groan", "groaned", "moan", "moaned", "sneer", "sneered",
    ]

    /// Verbs that only tag speech when right beside a quotation and never start a new topic:
    /// `went on`, `put in` need their particle; `thought`, `wrote` mark other kinds of words.
    static let particleVerbs: Set<String> = ["went", "go", "goes", "put", "broke", "break", "cut"]

    static let pronouns: [String: Gender] = [
        "he": .male, "she": .female, "him": .male, "her": .female, "his": .male, "hers": .female,
        "himself": .male, "herself": .female,
    ]

    static let subjectPronouns: [String: Gender] = ["he": .male, "she": .female]
    static let objectPronouns: [String: Gender] = ["him": .male, "her": .female]

    /// Titles of a married and of an unmarried woman: `Mrs. Bennet` and `Miss Bennet` are mother
    /// and daughter, never one person.
    static let marriedTitles: Set<String> = ["Mrs", "Mrs.", "Madame", "Mme", "Mme.", "Señora", "Senora", "Frau"]
    static let unmarriedTitles: Set<String> = ["Miss", "Mlle", "Mlle.", "Mademoiselle", "Signorina", "Senorita", "Señorita", "Fräulein"]

    /// Titles that come before a name, with the gender they imply.
    static let titles: [String: Gender] = [
        "Mr": .male, "Mr.": .male, "Mister": .male, "Sir": .male, "Lord": .male, "Master": .male,
        "Mrs": .female, "Mrs.": .female, "Miss": .female, "Ms": .female, "Ms.": .female,
        "Lady": .female, "Madame": .female, "Mme": .female, "Mme.": .female,
        "Mlle": .female, "Mlle.": .female, "Mademoiselle": .female, "Signorina": .female, "Senorita": .female,
        "Señorita": .female, "Fräulein": .female, "Madam": .female, "Dame": .female, "Aunt": .female, "Uncle": .male,
        "Dr": .unknown, "Dr.": .unknown, "Doctor": .unknown, "Professor": .unknown, "Prof.": .unknown,
        "Colonel": .male, "Col.": .male, "Captain": .male, "Capt.": .male, "Major": .male,
        "General": .male, "Lieutenant": .male, "Sergeant": .male, "Admiral": .male, "Rev.": .male,
        "Reverend": .male, "Father": .male, "Brother": .male, "Sister": .female, "Mother": .female,
        "King": .male, "Queen": .female, "Prince": .male, "Princess": .female, "Duke": .male,
        "Duchess": .female, "Count": .male, "Countess": .female, "Baron": .male, "Baroness": .female,
        "Monsieur": .male, "Herr": .male, "Frau": .female, "Senor": .male, "Señor": .male,
        "Señora": .female, "Signor": .male, "Signora": .female, "Saint": .unknown, "St.": .unknown,
        "Mx": .unknown, "Mx.": .unknown, "Granny": .female, "Gran": .female, "Grandpa": .male, "Grandma": .female,
        "Grandmother": .female, "Grandfather": .male, "Grandad": .male, "Granddad": .male,
        "Inspector": .unknown, "Constable": .unknown, "Detective": .unknown, "Superintendent": .unknown,
        "Sheriff": .unknown, "Judge": .unknown, "Nurse": .unknown,
        // The country's: `Farmer Heale`, `Squire Allworth`, `Widow Pask`.
        "Farmer": .male, "Squire": .male, "Parson": .male, "Gaffer": .male, "Widow": .female, "Goody": .female, "Mistress": .female,
    ]

    /// Nouns that head a description of a person (`the old sailor`), with their gender.
    static let personNouns: [String: Gender] = [
        "man": .male, "woman": .female, "boy": .male, "girl": .female, "gentleman": .male,
        "lady": .female, "lad": .male, "lass": .female, "fellow": .male, "husband": .male,
        "wife": .female, "father": .male, "mother": .female, "son": .male, "daughter": .female,
        "brother": .male, "sister": .female, "uncle": .male, "aunt": .female, "king": .male,
        "queen": .female, "prince": .male, "princess": .female, "sailor": .unknown,
        "stranger": .unknown, "voice": .unknown, "child": .unknown, "monster": .unknown,
        "creature": .unknown, "doctor": .unknown, "captain": .male, "soldier": .male,
        "officer": .unknown, "driver": .unknown, "servant": .unknown, "maid": .female,
        "nurse": .female, "landlady": .female, "landlord": .male, "widow": .female, "old": .unknown,
        "visitor": .unknown, "guard": .unknown, "clerk": .unknown, "waiter": .male, "host": .male,
        "hostess": .female, "girls": .unknown, "lawyer": .unknown, "priest": .male, "nun": .female,
        "knight": .male, "witch": .female, "wizard": .male, "beast": .unknown, "cook": .unknown,
        "housekeeper": .female, "footman": .male, "butler": .male, "farmer": .male, "boatman": .male,
        "gentlewoman": .female, "youth": .male, "mistress": .female, "master": .male, "friend": .unknown,
        "companion": .unknown, "chap": .male, "dame": .female, "grandmother": .female,
        "grandfather": .male, "baby": .unknown, "miss": .female, "sir": .male, "madam": .female,
        // Roles, ranks and kin a tag names a speaker by (`said the vicar`, `cried his niece`).
        "vicar": .male, "parson": .male, "rector": .male, "curate": .male, "clergyman": .male, "bishop": .male,
        "monk": .male, "friar": .male, "abbot": .male, "abbess": .female, "colonel": .male,
        "sergeant": .male, "corporal": .male, "lieutenant": .male, "admiral": .male,
        "duke": .male, "duchess": .female, "earl": .male, "countess": .female, "baron": .male, "baroness": .female,
        "emperor": .male, "empress": .female, "squire": .male, "gardener": .male, "coachman": .male,
        "groom": .male, "porter": .unknown, "policeman": .male, "constable": .male, "inspector": .unknown,
        "detective": .unknown, "fisherman": .male, "shepherd": .male, "peasant": .unknown, "nephew": .male,
        "niece": .female, "grandson": .male, "granddaughter": .female, "cousin": .unknown, "bride": .female,
        "bridegroom": .male, "governess": .female, "schoolmaster": .male, "schoolmistress": .female,
        "professor": .unknown, "magistrate": .unknown, "teacher": .unknown, "student": .unknown,
        "merchant": .unknown, "shopkeeper": .unknown, "innkeeper": .unknown, "barber": .male, "surgeon": .unknown,
        "physician": .unknown, "secretary": .unknown, "messenger": .unknown,
        "postman": .male, "lodger": .unknown, "neighbour": .unknown, "neighbor": .unknown, "guest": .unknown,
        "traveller": .unknown, "traveler": .unknown, "passenger": .unknown, "conductor": .unknown,
        "steward": .male, "stewardess": .female, "sentry": .male, "jailer": .unknown, "gaoler": .unknown,
        "prisoner": .unknown, "beggar": .unknown, "manager": .unknown, "spinster": .female, "maiden": .female,
        "matron": .female, "actress": .female, "actor": .male, "seamstress": .female, "laundress": .female,
        "widower": .male, "orphan": .unknown, "dwarf": .unknown, "giant": .unknown,
        // Trades and callings a story meets on the road, in the house and in town.
        "ostler": .male, "hostler": .male, "publican": .male, "barmaid": .female, "barman": .male, "bartender": .unknown,
        "waitress": .female, "chambermaid": .female, "housemaid": .female, "nursemaid": .female, "valet": .male,
        "cabman": .male, "carrier": .unknown, "blacksmith": .male, "pedlar": .unknown, "peddler": .unknown, "sexton": .male, "verger": .male, "beadle": .male, "minister": .male, "chaplain": .male, "preacher": .unknown,
        "banker": .unknown, "solicitor": .unknown, "attorney": .unknown, "agent": .unknown,
        "foreman": .male, "workman": .male, "labourer": .male, "laborer": .male, "miner": .male, "engineer": .unknown,
        "pilot": .unknown, "seaman": .male, "mariner": .male, "skipper": .male, "boatswain": .male, "watchman": .male,
        "gamekeeper": .male, "huntsman": .male, "milkmaid": .female, "dairymaid": .female, "apprentice": .unknown,
        "nobleman": .male, "noblewoman": .female, "shopman": .male, "salesman": .male, "tramp": .unknown, "gipsy": .unknown,
        "gypsy": .unknown, "thief": .unknown, "robber": .unknown, "highwayman": .male, "pirate": .unknown, "attendant": .unknown,
        "keeper": .unknown, "concierge": .unknown, "doorkeeper": .unknown, "newsboy": .male,
        "schoolboy": .male, "schoolgirl": .female, "lady's-maid": .female,
        "major": .male, "commander": .male, "ensign": .male, "midshipman": .male, "commodore": .male, "governor": .unknown,
        "mayor": .unknown, "alderman": .male, "councillor": .unknown, "ambassador": .unknown, "consul": .unknown,
        "marquis": .male, "marquess": .male, "marchioness": .female, "viscount": .male, "viscountess": .female, "baronet": .male,
        "pastor": .male, "deacon": .male, "rabbi": .male, "abbé": .male, "curé": .male, "padre": .male, "bailiff": .male,
        "overseer": .unknown, "tenant": .unknown, "shepherdess": .female, "washerwoman": .female, "charwoman": .female,
        "kitchen-maid": .female, "parlourmaid": .female, "parlour-maid": .female, "midwife": .female, "chemist": .unknown,
        "druggist": .unknown, "apothecary": .unknown, "grocer": .unknown, "draper": .unknown, "milliner": .female,
        "dressmaker": .female, "postboy": .male, "postilion": .male, "ferryman": .male, "bargeman": .male, "cobbler": .male,
        "shoemaker": .male, "tinker": .male, "ploughman": .male, "lamplighter": .male, "warder": .male, "turnkey": .male,
        "superintendent": .unknown, "sheriff": .unknown, "judge": .unknown,
        "invalid": .unknown, "patient": .unknown, "hermit": .male, "pilgrim": .unknown, "fiancé": .male, "fiancée": .female,
        // What a child calls a parent (`said her mamma`).
        "mamma": .female, "mama": .female, "mum": .female, "mummy": .female, "mom": .female, "mommy": .female, "momma": .female,
        "papa": .male, "dad": .male, "daddy": .male,
    ]

    /// Ranks and offices a title gives, with the words a description may call their bearer by
    /// besides those for anyone grown (`anyRankNouns`): `the clerk` or `the boy` is no `Major
    /// Pryce`, `the major` or `the officer` may be.
    static let rankedTitles: [String: Set<String>] = {
        let military: Set<String> = [
            "officer", "soldier", "major", "captain", "colonel", "general", "lieutenant", "sergeant", "admiral", "commander",
            "veteran", "warrior",
        ]
        let seafaring: Set<String> = military.union(["skipper", "sailor", "seaman", "mariner", "master"])
        let medical: Set<String> = ["doctor", "physician", "surgeon"]
        let clergy: Set<String> = ["vicar", "parson", "rector", "curate", "clergyman", "bishop", "priest", "minister", "chaplain", "preacher"]
        let scholar: Set<String> = ["professor", "scholar", "teacher", "lecturer"]
        return [
            "Major": military, "Colonel": military, "Col": military, "Col.": military, "General": military, "Gen": military,
            "Lieutenant": military, "Lt": military, "Sergeant": military, "Sgt": military, "Admiral": seafaring,
            "Captain": seafaring, "Capt": seafaring, "Capt.": seafaring, "Dr": medical, "Dr.": medical, "Doctor": medical,
            "Professor": scholar, "Prof": scholar, "Prof.": scholar, "Rev": clergy, "Rev.": clergy, "Reverend": clergy,
        ]
    }()
    /// What a description may call anyone grown, whatever their rank.
    static let anyRankNouns: Set<String> = [
        "man", "gentleman", "woman", "lady", "stranger", "newcomer", "new-comer", "visitor", "guest", "person", "fellow",
        "friend", "companion", "host", "hostess", "old", "voice", "other", "speaker", "chap", "caller",
    ]

    /// Descriptions of a married and of an unmarried woman: `the widow` is no `Miss`, `the
    /// girl` no `Mrs.`
    static let marriedNouns: Set<String> = ["widow", "wife", "matron", "mother", "grandmother", "landlady", "housekeeper"]
    static let unmarriedNouns: Set<String> = ["girl", "maiden", "lass", "spinster", "maid", "governess"]
    /// Words for anyone of a sex or an age, not a role: a cast alias made of one (`The Girl`)
    /// names one person, but the narration uses the word for every other too.
    static let anyoneNouns: Set<String> = [
        "girl", "boy", "man", "woman", "lady", "gentleman", "child", "fellow", "youth", "lad", "lass", "person",
    ]

    /// `said the second`, `said a third`: in a group no one has named, the order they speak in
    /// is their name.
    static let ordinals: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth"]

    /// English pet names and the given names they stand for.
    static let petNames: [String: Set<String>] = [
        "Lizzy": ["Elizabeth"], "Lizzie": ["Elizabeth"], "Bess": ["Elizabeth"], "Bessie": ["Elizabeth"], "Bessy": ["Elizabeth"], "Beth": ["Elizabeth"],
        "Betsy": ["Elizabeth"], "Betty": ["Elizabeth"], "Libby": ["Elizabeth"], "Kitty": ["Catherine", "Katherine"],
        "Kate": ["Catherine", "Katherine"], "Katie": ["Catherine", "Katherine"], "Cathy": ["Catherine"],
        "Fanny": ["Frances"], "Polly": ["Mary"], "Molly": ["Mary"], "Mamie": ["Mary"], "Peggy": ["Margaret"],
        "Meg": ["Margaret"], "Maggie": ["Margaret"], "Madge": ["Margaret"], "Sally": ["Sarah"], "Sukey": ["Susan"],
        "Susie": ["Susan", "Susanna"], "Jenny": ["Jane", "Jennifer"], "Nancy": ["Anne", "Ann"], "Nan": ["Anne", "Ann"],
        "Nell": ["Eleanor", "Helen", "Ellen"], "Nelly": ["Eleanor", "Helen", "Ellen"], "Patty": ["Martha"],
        "Tom": ["Thomas"], "Tommy": ["Thomas"], "Bill": ["William"], "Billy": ["William"], "Will": ["William"],
        "Willie": ["William"], "Dick": ["Richard"], "Dicky": ["Richard"], "Jack": ["John"], "Johnny": ["John"],
        "Ned": ["Edward", "Edmund"], "Ted": ["Edward", "Theodore"], "Teddy": ["Edward", "Theodore"], "Harry": ["Henry"],
        "Hal": ["Henry"], "Charley": ["Charles"], "Charlie": ["Charles"], "Fred": ["Frederick"], "Freddy": ["Frederick"],
        "Freddie": ["Frederick"], "Sam": ["Samuel"], "Sammy": ["Samuel"], "Joe": ["Joseph"], "Ben": ["Benjamin"],
        "Bob": ["Robert"], "Bobby": ["Robert"], "Rob": ["Robert"], "Jim": ["James"], "Jimmy": ["James"], "Jem": ["James"],
        "Nick": ["Nicholas"], "Tony": ["Anthony"], "Andy": ["Andrew"], "Matt": ["Matthew"], "Pat": ["Patrick"],
        "Dolly": ["Dorothy"], "Dora": ["Dorothy"], "Gussie": ["Augusta", "Augustus"], "Gus": ["Augustus"],
        "Mike": ["Michael"], "Mick": ["Michael"], "Micky": ["Michael"], "Mickey": ["Michael"], "Dan": ["Daniel"],
        "Danny": ["Daniel"], "Dave": ["David"], "Davy": ["David"], "Steve": ["Stephen", "Steven"], "Alf": ["Alfred"],
        "Alfie": ["Alfred"], "Bert": ["Albert", "Herbert", "Bertram"], "Bertie": ["Albert", "Herbert", "Bertram"],
        "Archie": ["Archibald"], "Reggie": ["Reginald"], "Algy": ["Algernon"], "Chris": ["Christopher"],
        "Nat": ["Nathaniel", "Nathan"], "Phil": ["Philip"], "Walt": ["Walter"], "Wally": ["Walter", "Wallace"],
        "Larry": ["Lawrence", "Laurence"], "Alec": ["Alexander"], "Alick": ["Alexander"],
        "Jamie": ["James"], "Jerry": ["Gerald", "Jeremiah", "Jeremy"], "Gerry": ["Gerald"], "Ernie": ["Ernest"],
        "Abe": ["Abraham"], "Ike": ["Isaac"], "Percy": ["Percival"], "Monty": ["Montague"], "Rick": ["Richard"],
        "Ron": ["Ronald"], "Ronnie": ["Ronald"], "Don": ["Donald"], "Donny": ["Donald"], "Ken": ["Kenneth"],
        "Len": ["Leonard"], "Lenny": ["Leonard"], "Herb": ["Herbert"], "Joey": ["Joseph"], "Tim": ["Timothy"],
        "Timmy": ["Timothy"], "Toby": ["Tobias"], "Ollie": ["Oliver"], "Stan": ["Stanley"], "Bart": ["Bartholomew"],
        "Jake": ["Jacob"], "Hank": ["Henry"], "Terry": ["Terence"], "Vic": ["Victor"], "Benny": ["Benjamin"],
        "Josie": ["Josephine"], "Tilly": ["Matilda"], "Tillie": ["Matilda"], "Milly": ["Mildred", "Millicent", "Amelia"],
        "Millie": ["Mildred", "Millicent", "Amelia"], "Lottie": ["Charlotte"], "Lotty": ["Charlotte"], "Letty": ["Letitia"],
        "Hetty": ["Henrietta", "Hester"], "Becky": ["Rebecca"], "Emmy": ["Emma", "Emily"], "Effie": ["Euphemia"],
        "Gertie": ["Gertrude"], "Connie": ["Constance"], "Flossie": ["Florence"], "Florrie": ["Florence"],
        "Rosie": ["Rose", "Rosamund"], "Maud": ["Matilda"], "Sophy": ["Sophia"],
        "Ellie": ["Eleanor", "Ellen"], "Trixie": ["Beatrix", "Beatrice"], "Bea": ["Beatrice"], "Di": ["Diana"],
        "Etta": ["Henrietta"], "Addie": ["Adelaide", "Adeline"], "Cissy": ["Cecilia", "Cecily"], "Sadie": ["Sarah"],
        "Vicky": ["Victoria"], "Prue": ["Prudence"],
    ]

    /// Common English given names of the nineteenth and twentieth centuries whose sex is not in
    /// doubt (names given to both, `Marion`, `Sidney`, `Robin`, are left out): a character's given
    /// name says their sex when the narration's pronouns do not, and keeps a woman's full name
    /// (`Minnie Beebe`) from joining a man's titled one (`Mr. Beebe`).
    static let givenNames: [String: Gender] = commonGivenNames.merging(
        // …and a pet name whose given names are all of one sex (`Sam`, `Jem`, `Polly`).
        petNames.compactMapValues { names in
            let sexes = Set(names.compactMap { commonGivenNames[$0] })
            return sexes.count == 1 && names.allSatisfy { commonGivenNames[$0] != nil } ? sexes.first : nil
        }
    ) { listed, _ in listed }

    private static let commonGivenNames: [String: Gender] = [
        "Ada": .female, "Adela": .female, "Adelaide": .female, "Adele": .female, "Agatha": .female,
        "Agnes": .female, "Alice": .female, "Amelia": .female, "Amy": .female, "Angela": .female,
        "Ann": .female, "Anna": .female, "Annabel": .female, "Anne": .female, "Annie": .female,
        "Arabella": .female, "Augusta": .female, "Barbara": .female, "Beatrice": .female,
        "Bella": .female, "Bertha": .female, "Bess": .female, "Bessie": .female, "Beth": .female,
        "Betsy": .female, "Betty": .female, "Blanche": .female, "Bridget": .female, "Caroline": .female,
        "Carrie": .female, "Catherine": .female, "Cecilia": .female, "Cecily": .female,
        "Charlotte": .female, "Clara": .female, "Clarissa": .female, "Constance": .female,
        "Cora": .female, "Cynthia": .female, "Deborah": .female, "Diana": .female, "Dinah": .female,
        "Dora": .female, "Dorothea": .female, "Dorothy": .female, "Edith": .female, "Edna": .female,
        "Eleanor": .female, "Elinor": .female, "Eliza": .female, "Elizabeth": .female, "Ella": .female,
        "Ellen": .female, "Ellie": .female, "Eloise": .female, "Elsie": .female, "Emilia": .female,
        "Emily": .female, "Emma": .female, "Esther": .female, "Ethel": .female, "Eugenia": .female,
        "Eva": .female, "Evelina": .female, "Fanny": .female, "Flora": .female, "Florence": .female,
        "Frances": .female, "Georgiana": .female, "Georgina": .female, "Gertrude": .female,
        "Grace": .female, "Gwendolen": .female, "Hannah": .female, "Harriet": .female, "Hattie": .female,
        "Helen": .female, "Helena": .female, "Henrietta": .female, "Hester": .female, "Hilda": .female,
        "Honora": .female, "Ida": .female, "Imogen": .female, "Irene": .female, "Isabel": .female,
        "Isabella": .female, "Jane": .female, "Janet": .female, "Jemima": .female, "Jennie": .female,
        "Jenny": .female, "Jessie": .female, "Joan": .female, "Joanna": .female, "Josephine": .female,
        "Judith": .female, "Julia": .female, "Juliet": .female, "Kate": .female, "Katherine": .female,
        "Kathleen": .female, "Katie": .female, "Kitty": .female, "Laura": .female, "Lavinia": .female,
        "Leonora": .female, "Letitia": .female, "Lilian": .female, "Lillian": .female, "Lily": .female,
        "Liza": .female, "Lizzie": .female, "Lizzy": .female, "Lottie": .female, "Louisa": .female,
        "Louise": .female, "Lucia": .female, "Lucinda": .female, "Lucy": .female, "Lydia": .female,
        "Mabel": .female, "Madeline": .female, "Maggie": .female, "Margaret": .female, "Margery": .female,
        "Maria": .female, "Marian": .female, "Marianne": .female, "Marilla": .female, "Marjorie": .female,
        "Martha": .female, "Mary": .female, "Matilda": .female, "Maud": .female, "Maude": .female,
        "Meg": .female, "Mildred": .female, "Minnie": .female, "Miriam": .female, "Molly": .female,
        "Nancy": .female, "Nell": .female, "Nellie": .female, "Nelly": .female, "Nora": .female,
        "Norah": .female, "Olivia": .female, "Ophelia": .female, "Patience": .female, "Pauline": .female,
        "Peggy": .female, "Penelope": .female, "Philippa": .female, "Phoebe": .female, "Polly": .female,
        "Priscilla": .female, "Prudence": .female, "Rachel": .female, "Rebecca": .female,
        "Rhoda": .female, "Rosa": .female, "Rosalind": .female, "Rosamond": .female, "Rose": .female,
        "Ruth": .female, "Sally": .female, "Sarah": .female, "Selina": .female, "Sophia": .female,
        "Sophie": .female, "Susan": .female, "Susanna": .female, "Susannah": .female, "Susie": .female,
        "Sybil": .female, "Sylvia": .female, "Tabitha": .female, "Tess": .female, "Theresa": .female,
        "Ursula": .female, "Victoria": .female, "Viola": .female, "Violet": .female, "Winifred": .female,
        "Aaron": .male, "Abraham": .male, "Adam": .male, "Albert": .male, "Alec": .male,
        "Alexander": .male, "Alfred": .male, "Algernon": .male, "Ambrose": .male, "Andrew": .male,
        "Andy": .male, "Angus": .male, "Anthony": .male, "Archibald": .male, "Arthur": .male,
        "Augustus": .male, "Austin": .male, "Basil": .male, "Ben": .male, "Benjamin": .male,
        "Bernard": .male, "Bertram": .male, "Bill": .male, "Billy": .male, "Bob": .male, "Bobby": .male,
        "Caleb": .male, "Cecil": .male, "Charles": .male, "Charley": .male, "Charlie": .male,
        "Christopher": .male, "Claude": .male, "Clement": .male, "Colin": .male, "Conrad": .male,
        "Cuthbert": .male, "Cyril": .male, "Dan": .male, "Daniel": .male, "David": .male, "Dennis": .male,
        "Dick": .male, "Duncan": .male, "Edgar": .male, "Edmund": .male, "Edward": .male, "Edwin": .male,
        "Eli": .male, "Elijah": .male, "Enoch": .male, "Ernest": .male, "Eustace": .male, "Ezra": .male,
        "Felix": .male, "Francis": .male, "Frank": .male, "Fred": .male, "Freddie": .male,
        "Freddy": .male, "Frederick": .male, "Gabriel": .male, "Geoffrey": .male, "George": .male,
        "Gerald": .male, "Gideon": .male, "Gilbert": .male, "Godfrey": .male, "Gregory": .male,
        "Guy": .male, "Hal": .male, "Harold": .male, "Harry": .male, "Harvey": .male, "Henry": .male,
        "Herbert": .male, "Horace": .male, "Horatio": .male, "Hubert": .male, "Hugh": .male,
        "Humphrey": .male, "Isaac": .male, "Jack": .male, "Jacob": .male, "Jake": .male, "James": .male,
        "Jasper": .male, "Jem": .male, "Jeremy": .male, "Jim": .male, "Jimmy": .male, "Joe": .male,
        "John": .male, "Johnny": .male, "Jonathan": .male, "Joseph": .male, "Joshua": .male,
        "Josiah": .male, "Julius": .male, "Kenneth": .male, "Laurence": .male, "Lawrence": .male,
        "Leonard": .male, "Lewis": .male, "Lionel": .male, "Louis": .male, "Luke": .male, "Marcus": .male,
        "Mark": .male, "Martin": .male, "Matthew": .male, "Maurice": .male, "Michael": .male,
        "Mick": .male, "Mike": .male, "Mortimer": .male, "Moses": .male, "Nathaniel": .male, "Ned": .male,
        "Neville": .male, "Nicholas": .male, "Nick": .male, "Noel": .male, "Norman": .male,
        "Oliver": .male, "Oscar": .male, "Oswald": .male, "Owen": .male, "Patrick": .male, "Paul": .male,
        "Percy": .male, "Peter": .male, "Philip": .male, "Ralph": .male, "Raymond": .male,
        "Reginald": .male, "Reuben": .male, "Richard": .male, "Rob": .male, "Robert": .male,
        "Roderick": .male, "Roger": .male, "Rufus": .male, "Rupert": .male, "Samuel": .male,
        "Seth": .male, "Silas": .male, "Simon": .male, "Solomon": .male, "Stephen": .male,
        "Steven": .male, "Ted": .male, "Teddy": .male, "Theodore": .male, "Thomas": .male, "Tim": .male,
        "Timothy": .male, "Toby": .male, "Tom": .male, "Tommy": .male, "Tony": .male, "Victor": .male,
        "Vincent": .male, "Wallace": .male, "Walter": .male, "Wilfred": .male, "Will": .male,
        "William": .male, "Willie": .male, "Willy": .male,
    ]

    /// Person nouns that say only sex, age or kinship (`the girl`, `the old man`, `the
    /// mother`): any named person of that kind may be meant. Roles (`the waiter`, `the
    /// doctor`) more often mean someone the story never names.
    static let plainPersonNouns: Set<String> = [
        "man", "woman", "boy", "girl", "gentleman", "lady", "lad", "lass", "fellow", "youth", "chap",
        "child", "gentlewoman", "husband", "wife", "father", "mother", "son", "daughter", "brother",
        "sister", "uncle", "aunt", "grandmother", "grandfather",
    ]

    /// Those who serve the house, the inn and the road: a tag's `the gentleman` or `the lady`
    /// is never one of them.
    static let serviceNouns: Set<String> = [
        "landlord", "landlady", "innkeeper", "publican", "ostler", "hostler", "barmaid", "barman", "waiter", "waitress",
        "maid", "chambermaid", "housemaid", "parlourmaid", "kitchen-maid", "servant", "footman", "butler", "valet",
        "coachman", "cabman", "groom", "porter", "postboy", "postilion", "cook", "housekeeper", "boots",
    ]

    /// Words that start a sentence with a capital but never name a person.
    static let notNames: Set<String> = {
        let words = """
            I A An The This That These Those There Then Than Here Now Well Yes No Oh Ah O Not \
            What Who Whom Whose Which When Where Why How If But And Or Nor So Yet For As At By In \
            On Of To Up Do Does Did Is Are Was Were Be Been Am It Its He She His Her Him They \
            Them Their We Our Us You Your My Me Mine Let All Any Some Each Every Both Either \
            Neither One Two Three Four Five Six Seven Eight Nine Ten First Second Last Next \
            Only Just Even Still Very Much Many More Most Such Perhaps Indeed Really Surely \
            Certainly Why Dear Good Poor Pray Please Thank Thanks Hush Come Go Look See Stop Wait \
            After Before Again Always Never Ever Once While Though Although Because Since Until \
            Unless With Without Within Into Upon From About Above Below Over Under Through \
            Mr Mrs Miss Ms Sir Lady Lord Dr Chapter Part Book Volume God Heaven Lord Christmas \
            Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March \
            April May June July August September October November December English French \
            Hello Hallo Hi Goodbye Good-bye Alas Aye Nay Ay Oh Ohh Hm Hmm Ha Ugh Eh Yeah Nope \
            Everybody Everyone Nobody Someone Somebody Anybody Anyone Nothing Something \
            Everything Anything Whatever Whoever However Meanwhile Besides Instead Otherwise \
            Mamma Mama Papa Madam Ma'am Mother Father Sister Brother Aunt Uncle Darling Sweetheart \
            Lor Bless Damn Sure Quite Nonsense Ay Oui Non Ja Nein Ah Alas Fie Bah Pshaw
            """
        // `Narrator` is the narrator's own name in a script and a cast: a character by that
        // name could not be told apart, and a cast file holding one would be refused.
        return Set(words.split(separator: " ").map(String.init) + ["Narrator"])
    }()

    /// Words of address that close a vocative phrase but are not names (`my dear`).
    static let prepositions: Set<String> = [
        "to", "at", "with", "of", "for", "from", "toward", "towards", "by", "upon", "on", "about",
        "into", "beside", "behind", "after", "before", "than", "like", "unto", "under", "over",
    ]

    static let elisions: Set<String> = [
        "tis", "twas", "twere", "twill", "twould", "em", "cause", "cos", "til", "till", "bout", "n",
        "im", "er", "ere", "ow", "appen", "ad", "alf", "ave", "ome", "oo", "ee", "un", "uns", "s",
        "nough", "neath", "mongst", "midst", "gainst", "spose", "pon", "fore", "scuse", "course",
        "t",
    ]
}

/// The nouns a book calls its people by: the lexicon's, and any other its speech tags use the
/// way they use those (`said the carter.`, `"…" the croupier said,`). No list holds every trade
/// and office a story meets; the tag's slot tells what the word is.
struct PersonNouns {
    private var learned: [String: Gender] = [:]

    subscript(word: String) -> Gender? { Lexicon.personNouns[word] ?? learned[word] }

    /// Whether `word` is a role that a description ending in `man` or `woman` may call its
    /// bearer by (`an old sailor` … `the old man`): a person of that sex or either, not a
    /// relation nor a word for anyone.
    func isRole(_ word: String, calledBy head: String) -> Bool {
        guard let sex: Gender = head == "man" ? .male : head == "woman" ? .female : nil, let gender = self[word] else { return false }
        return (gender == sex || gender == .unknown) && Attributor.relations[word] == nil && !Lexicon.anyoneNouns.contains(word)
    }

    /// The lexicon's alone.
    init() {}

    /// Words that stand where a description's noun does without being one.
    private static let notPeople: Set<String> = [
        "other", "others", "former", "latter", "same", "rest", "last", "next", "one", "two", "three", "voice", "voices",
        "word", "words", "answer", "reply", "question", "thing", "matter", "way", "time", "day", "night", "morning",
        "little", "few", "lot", "great", "good", "deal", "moment", "while",
    ]

    init(tokens: TokenList) {
        let speechVerb = tokens.bySpelling { Lexicon.speechVerbs.contains($0) }
        // (`said the carter`, and in a passage `said a young carter` of one not met before: only
        // a passage's rules read such a newcomer's tag.)
        let passage = tokens.count < CharacterDiscovery.passageTokens
        let isThe = tokens.bySpelling { $0 == "the" || passage && ["a", "an"].contains($0) }
        func noun(from start: Int) -> (head: Int, end: Int)? {
            // `the` and up to three lower-case words, the last of them the noun, then a mark
            // (an adverb may come between: `said the carter slowly.`).
            var end = start + 1
            while end < tokens.count, end - start <= 4, tokens[end].isWord, !tokens[end].isCapitalized, !tokens.isInQuote(end),
                tokens[end].paragraph == tokens[start].paragraph, !speechVerb[tokens.spelling(at: end)],
                !tokens[end].lower.hasSuffix("ly"), !Lexicon.prepositions.contains(tokens[end].lower)
            {
                end += 1
            }
            guard end > start + 1, end - start <= 4 else { return nil }
            return (end - 1, end)
        }
        func closes(_ index: Int) -> Bool {
            var cursor = index
            if cursor < tokens.count, tokens[cursor].isWord, tokens[cursor].lower.hasSuffix("ly") { cursor += 1 }
            return cursor >= tokens.count || tokens[cursor].paragraph != tokens[index - 1].paragraph
                || !tokens[cursor].isWord && [".", ",", ";", "!", "?", ":"].contains(tokens[cursor].word)
                || Lexicon.prepositions.contains(tokens[cursor].lower) || tokens[cursor].lower == "in"
        }
        for index in tokens.indices.dropFirst() where isThe[tokens.spelling(at: index)] && !tokens.isInQuote(index) {
            var head: Int?
            // `"…," said the carter.`
            if speechVerb[tokens.spelling(at: index - 1)], index >= 2, tokens.isInQuote(index - 2), !tokens.isInQuote(index - 1),
                let found = noun(from: index), closes(found.end)
            {
                head = found.head
            }
            // `"…," the carter said.`
            if tokens.isInQuote(index - 1), let found = noun(from: index), found.end < tokens.count,
                speechVerb[tokens.spelling(at: found.end)], !tokens.isInQuote(found.end), closes(found.end + 1)
            {
                head = found.head
            }
            guard let head, !tokens[head].isPossessive else { continue }
            let word = tokens[head].lower
            // (Not a plural, `said the twins`: a group does not speak one line.)
            guard Lexicon.personNouns[word] == nil, !Self.notPeople.contains(word), !Lexicon.ordinals.contains(word),
                word.count > 2, !word.hasSuffix("s") || word.hasSuffix("ss")
            else { continue }
            learned[word] = .unknown
        }
    }
}
