using Commonweal.Organisations;

namespace Commonweal.Seed;

/// <summary>
/// Makes believable synthetic organisations for scale data: a national mix of legal forms and sizes,
/// names from word lists, valid and unique org-id identifiers, and postcodes in English districts.
/// The same seed always gives the same organisations.
/// </summary>
public sealed class ScaleOrganisations(Random random, ISet<string> identifiersInUse)
{
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const string Alphanumerics = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private const string CapitalLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Legal forms weighted roughly as the voluntary and community sector and the NHS are made up nationally.</summary>
    private static readonly (LegalForm Form, int Weight)[] Forms =
    [
        (LegalForm.RegisteredCharity, 300),
        (LegalForm.CharitableIncorporatedOrganisation, 120),
        (LegalForm.CharitableCompany, 90),
        (LegalForm.CommunityInterestCompany, 100),
        (LegalForm.CommunityBenefitSociety, 25),
        (LegalForm.CoOperative, 20),
        (LegalForm.Mutual, 5),
        (LegalForm.UnincorporatedCommunityGroup, 160),
        (LegalForm.PrivateCompany, 110),
        (LegalForm.GpPractice, 60),
        (LegalForm.NhsTrust, 4),
        (LegalForm.LocalAuthority, 4),
        (LegalForm.IntegratedCareBoard, 2),
    ];

    /// <summary>English postcode areas with their highest district number.</summary>
    private static readonly (string Area, int Districts, string Town)[] Areas =
    [
        ("B", 80, "Birmingham"), ("BD", 24, "Bradford"), ("BH", 25, "Bournemouth"), ("BN", 45, "Brighton"),
        ("BS", 41, "Bristol"), ("CB", 25, "Cambridge"), ("CV", 37, "Coventry"), ("DE", 75, "Derby"),
        ("DH", 9, "Durham"), ("E", 18, "London"), ("EX", 39, "Exeter"), ("GL", 56, "Gloucester"),
        ("HU", 20, "Hull"), ("L", 40, "Liverpool"), ("LE", 19, "Leicester"), ("LS", 29, "Leeds"),
        ("M", 35, "Manchester"), ("N", 22, "London"), ("NE", 66, "Newcastle upon Tyne"), ("NG", 25, "Nottingham"),
        ("NR", 35, "Norwich"), ("OX", 29, "Oxford"), ("PL", 35, "Plymouth"), ("PO", 41, "Portsmouth"),
        ("S", 36, "Sheffield"), ("SE", 28, "London"), ("SO", 53, "Southampton"), ("ST", 21, "Stoke-on-Trent"),
        ("SW", 20, "London"), ("TS", 29, "Middlesbrough"), ("WV", 16, "Wolverhampton"), ("YO", 62, "York"),
    ];

    private static readonly string[] Places =
    [
        "Ashford", "Bramley", "Carlton", "Denby", "Eastfield", "Fairhaven", "Greenhill", "Hartley", "Ivybridge", "Kingsway",
        "Langley", "Millbrook", "Northgate", "Oakwood", "Parkside", "Queensbury", "Riverside", "Southmead", "Thornbury", "Upton",
        "Valley", "Westbury", "Woodside", "Ashton", "Beechwood", "Castleton", "Dale", "Elmfield", "Fenwick", "Highfield",
        "Lowther", "Moorside", "Newby", "Orchard", "Priory", "Redhill", "Stanton", "Tolworth", "Whitley", "Yardley",
    ];

    private static readonly string[] Themes =
    [
        "Community", "Carers", "Wellbeing", "Mental Health", "Older People's", "Young People's", "Family", "Dementia",
        "Disability", "Recovery", "Food", "Refugee", "Homeless", "Healthy Living", "Men's Health", "Women's",
        "Bereavement", "Stroke", "Sight Loss", "Deaf", "Autism", "Sickle Cell", "Veterans", "Befriending",
    ];

    private static readonly string[] Kinds =
    [
        "Trust", "Network", "Centre", "Project", "Association", "Foundation", "Partnership", "Forum", "Alliance", "Group",
    ];

    private static readonly string[] PracticeKinds = ["Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice"];

    private static readonly string[] Streets = ["High Street", "Church Road", "Station Road", "Park Lane", "Mill Lane", "Victoria Road", "London Road", "The Green"];

    private readonly int totalWeight = Forms.Sum(f => f.Weight);

    public Organisation Next()
    {
        var form = PickForm();
        var (area, districts, town) = Areas[random.Next(Areas.Length)];
        var place = Places[random.Next(Places.Length)];
        var direct = random.Next(3) > 0 || form is LegalForm.GpPractice or LegalForm.NhsTrust or LegalForm.LocalAuthority;
        return new Organisation
        {
            Name = NameFor(form, place),
            LegalForm = form,
            Identifier = IdentifierFor(form),
            Activities = (direct ? Activities.DirectServiceProvider : Activities.None) | RandomActivities(form),
            IncomeBand = BandFor(form),
            Members = LegalForms.SectorOf(form) == Sector.Third && random.Next(2) == 0 ? random.Next(5, 2_000) : null,
            Volunteers = LegalForms.SectorOf(form) == Sector.Third ? random.Next(0, 300) : null,
            AddressLine1 = $"{random.Next(1, 300)} {Streets[random.Next(Streets.Length)]}",
            Town = town,
            Postcode = $"{area}{random.Next(1, districts + 1)} {random.Next(10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}",
            Description = $"A {LegalForms.DisplayName(form).ToLowerInvariant()} serving {place} and the surrounding area.",
        };
    }

    private LegalForm PickForm()
    {
        var pick = random.Next(totalWeight);
        foreach (var (form, weight) in Forms)
        {
            if (pick < weight)
            {
                return form;
            }

            pick -= weight;
        }

        return Forms[^1].Form;
    }

    private string NameFor(LegalForm form, string place)
    {
        var theme = Themes[random.Next(Themes.Length)];
        var kind = Kinds[random.Next(Kinds.Length)];
        return form switch
        {
            LegalForm.GpPractice => $"{place} {PracticeKinds[random.Next(PracticeKinds.Length)]}",
            LegalForm.NhsTrust => $"{place} NHS Foundation Trust",
            LegalForm.LocalAuthority => $"{place} Council",
            LegalForm.IntegratedCareBoard => $"NHS {place} Integrated Care Board",
            LegalForm.CommunityInterestCompany => $"{place} {theme} CIC",
            LegalForm.PrivateCompany => $"{place} {theme} Care Ltd",
            LegalForm.CoOperative => $"{place} {theme} Co-operative",
            LegalForm.CommunityBenefitSociety => $"{place} {theme} Society",
            LegalForm.Mutual => $"{place} {theme} Mutual",
            LegalForm.UnincorporatedCommunityGroup => $"{place} {theme} {(random.Next(2) == 0 ? "Group" : "Club")}",
            _ => $"{place} {theme} {kind}",
        };
    }

    /// <summary>A fresh identifier in the form's own register; community groups mostly have none.</summary>
    private string? IdentifierFor(LegalForm form)
    {
        if (form == LegalForm.UnincorporatedCommunityGroup && random.Next(10) > 0)
        {
            return null;
        }

        Func<string> candidate = form switch
        {
            LegalForm.RegisteredCharity or LegalForm.CharitableIncorporatedOrganisation or LegalForm.UnincorporatedCommunityGroup
                => () => $"GB-CHC-{random.Next(1_000_000, 1_210_000)}",
            LegalForm.CharitableCompany or LegalForm.CommunityInterestCompany or LegalForm.PrivateCompany
                => () => $"GB-COH-{random.Next(1, 15_000_000):D8}",
            LegalForm.CommunityBenefitSociety or LegalForm.CoOperative or LegalForm.Mutual
                => () => $"GB-MPR-{random.Next(1, 999_999)}{(random.Next(2) == 0 ? "R" : "")}",
            LegalForm.GpPractice => () => $"GB-NHS-{(char)('A' + random.Next(26))}{random.Next(100_000):D5}",
            // Trust and board sites carry five-character codes, which leave room for scale far beyond England's real count.
            LegalForm.NhsTrust => () => $"GB-NHS-R{Code(2, Alphanumerics)}{random.Next(100):D2}",
            LegalForm.IntegratedCareBoard => () => $"GB-NHS-Q{Code(2, Alphanumerics)}{random.Next(100):D2}",
            _ => () => $"GB-LAE-{Code(random.Next(3, 5), CapitalLetters)}",
        };

        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var identifier = candidate();
            if (identifiersInUse.Add(identifier))
            {
                return identifier;
            }
        }

        throw new InvalidOperationException($"No unused {LegalForms.DisplayName(form)} identifier left after 1,000 attempts: the scale is too large for this register.");
    }

    private Activities RandomActivities(LegalForm form) =>
        LegalForms.SectorOf(form) == Sector.Third
            ? (Activities)(random.Next(16) & ~(int)Activities.DirectServiceProvider)
            : Activities.None;

    private IncomeBand BandFor(LegalForm form) => form switch
    {
        LegalForm.UnincorporatedCommunityGroup => random.Next(5) == 0 ? IncomeBand.Small : IncomeBand.Micro,
        LegalForm.GpPractice => random.Next(4) == 0 ? IncomeBand.Large : IncomeBand.Medium,
        LegalForm.NhsTrust or LegalForm.LocalAuthority or LegalForm.IntegratedCareBoard => IncomeBand.SuperMajor,
        LegalForm.PrivateCompany => (IncomeBand)random.Next((int)IncomeBand.Small, (int)IncomeBand.Major + 1),
        // Most of the sector is small: roughly four in five voluntary organisations have under £100,000 a year.
        _ => random.Next(100) switch
        {
            < 45 => IncomeBand.Micro,
            < 80 => IncomeBand.Small,
            < 95 => IncomeBand.Medium,
            < 99 => IncomeBand.Large,
            _ => IncomeBand.Major,
        },
    };

    private string Code(int length, string alphabet) =>
        string.Create(length, (random, alphabet), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
