using System.Globalization;
using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;

namespace Commonweal.Seed;

/// <summary>
/// The demo area's directory: community organisations of every size in E1, E3 and E14 and the
/// services they run, across every branch of the needs taxonomy. Deterministic, so that every
/// fresh install shows the same place. Names, postcodes and phone numbers are fictional (phone
/// numbers from Ofcom's range reserved for drama, 020 7946 0xxx).
/// </summary>
public static class DemoDirectory
{
    private static readonly (string Outcode, double Latitude, double Longitude, string[] Places)[] Areas =
    [
        ("E1", 51.514997, -0.058707, ["Whitechapel", "Stepney", "Spitalfields", "Shadwell", "Wapping"]),
        ("E3", 51.528805, -0.022753, ["Bow", "Mile End", "Old Ford", "Bromley-by-Bow", "Roman Road"]),
        ("E14", 51.502526, -0.017603, ["Poplar", "Limehouse", "Isle of Dogs", "Cubitt Town", "Millwall"]),
    ];

    /// <summary>Service templates per need (leaf term): name, description, ages, and whether it suits a community group.</summary>
    private static readonly Dictionary<string, (string Name, string Description, int? MinAge, int? MaxAge)[]> Templates = new()
    {
        ["befriending"] = [("Telephone befriending", "A weekly friendly phone call from a trained volunteer.", 60, null), ("Home visiting befriending", "A volunteer visits at home for a cup of tea and a chat.", 65, null)],
        ["social-groups"] = [("Friday social club", "Games, lunch and conversation in a welcoming group.", 18, null), ("Women's coffee morning", "A relaxed weekly meet-up for women new to the area.", 18, null)],
        ["intergenerational"] = [("Generations together", "Older residents and young people share skills and stories.", 11, null)],
        ["debt-advice"] = [("Debt advice clinic", "Free, confidential help to deal with debts and talk to creditors.", 18, null)],
        ["benefits-advice"] = [("Benefits check and claims help", "We check what you are entitled to and help you claim it.", 16, null)],
        ["energy-bills"] = [("Warm home advice", "Help with energy bills, debts to suppliers and keeping warm.", 18, null)],
        ["housing-advice"] = [("Housing advice drop-in", "Advice on tenancies, repairs, rent arrears and eviction.", 16, null)],
        ["homelessness"] = [("Homelessness outreach", "Support for people sleeping rough or at risk of losing their home.", 18, null)],
        ["home-adaptations"] = [("Handyperson service", "Small repairs and adaptations to help older people stay safe at home.", 60, null)],
        ["health-walks"] = [("Health walks", "Gentle, led walks of about an hour for all abilities.", null, null), ("Canal-side walking group", "A sociable walk along the canal, finishing with tea.", 18, null)],
        ["exercise-classes"] = [("Chair-based exercise", "Seated exercise to build strength and balance.", 50, null), ("Community boxing fitness", "Non-contact boxing fitness for young people.", 11, 25)],
        ["gardening"] = [("Community growing sessions", "Grow food and flowers together in our garden.", null, null)],
        ["talking-therapies"] = [("Low-cost counselling", "Six to twelve sessions with a trained counsellor.", 18, null), ("Bengali-speaking counselling", "Counselling in Bengali and Sylheti.", 16, null)],
        ["peer-support"] = [("Peer support group", "People with lived experience supporting each other.", 18, null), ("Men's group", "A space for men to talk, share and do things together.", 18, null)],
        ["arts-creativity"] = [("Art for wellbeing", "Painting and crafts in a calm, friendly group.", 16, null), ("Community choir", "Sing together: no experience needed.", null, null)],
        ["carers-breaks"] = [("Carers' short breaks", "Time off for unpaid carers, with cover arranged.", 18, null)],
        ["carers-advice"] = [("Carers' advice line", "Information and advice for anyone looking after someone.", 16, null), ("Young carers club", "Fun, friendship and support for young carers.", 8, 17)],
        ["diabetes"] = [("Living well with diabetes course", "A six-week course on food, activity and medicines.", 18, null)],
        ["respiratory"] = [("Singing for lung health", "Singing to help people with COPD and asthma breathe better.", 18, null)],
        ["sickle-cell"] = [("Sickle cell peer support", "Support, information and advocacy for people with sickle cell disorder and their families.", null, null)],
        ["employment-support"] = [("Job club", "CVs, applications and interview practice.", 16, null)],
        ["adult-learning"] = [("English conversation classes (ESOL)", "Free conversation classes for speakers of other languages.", 16, null), ("Digital skills drop-in", "Help with phones, tablets and getting online.", 16, null)],
        ["volunteering"] = [("Volunteer with us", "Give time, meet people and learn new skills.", 16, null)],
        ["food-banks"] = [("Food pantry", "Low-cost groceries for members, with advice on hand.", 18, null), ("Emergency food parcels", "Food parcels on referral from a GP, link worker or advice agency.", null, null)],
        ["community-meals"] = [("Community lunch", "A hot, healthy lunch and good company.", null, null), ("Cook and eat sessions", "Learn to cook simple, healthy meals on a budget.", 16, null)],
        ["alcohol"] = [("Alcohol support group", "Peer-led support for people cutting down or stopping drinking.", 18, null)],
        ["drugs"] = [("Recovery café", "A drug- and alcohol-free café run by people in recovery.", 18, null)],
    };

    /// <summary>The demo organisations that provide services, with the needs they work on; between them every need is met.</summary>
    private static readonly (string Organisation, string[] Needs)[] Providers =
    [
        ("London Borough of Tower Hamlets", ["housing-advice", "homelessness", "adult-learning", "employment-support"]),
        ("East London NHS Foundation Trust", ["talking-therapies", "respiratory", "alcohol", "drugs"]),
        ("Bow Community Kitchen", ["community-meals", "food-banks", "volunteering"]),
        ("Stepney Money Advice", ["debt-advice", "benefits-advice", "energy-bills"]),
        ("Limehouse Wellbeing CIC", ["peer-support", "arts-creativity", "social-groups", "befriending", "intergenerational"]),
        ("Mile End Carers Centre", ["carers-breaks", "carers-advice"]),
        ("Poplar Peer Support Network", ["peer-support"]),
        ("Isle of Dogs Walking Group", ["health-walks"]),
        ("Roman Road Community Health Society", ["exercise-classes", "diabetes", "gardening"]),
        ("Tower Hamlets Sickle Cell Support", ["sickle-cell"]),
        ("Docklands Home Care Co-operative", ["home-adaptations"]),
    ];

    private static readonly (string Kind, LegalForm Form, string[] Needs)[] CommunityKinds =
    [
        ("Befriending Project", LegalForm.RegisteredCharity, ["befriending", "intergenerational"]),
        ("Community Garden", LegalForm.UnincorporatedCommunityGroup, ["gardening", "volunteering"]),
        ("Women's Centre", LegalForm.CharitableIncorporatedOrganisation, ["social-groups", "adult-learning", "talking-therapies"]),
        ("Men's Shed", LegalForm.UnincorporatedCommunityGroup, ["peer-support", "volunteering"]),
        ("Advice Centre", LegalForm.CharitableCompany, ["debt-advice", "benefits-advice", "housing-advice"]),
        ("Food Hub", LegalForm.CharitableIncorporatedOrganisation, ["food-banks", "community-meals"]),
        ("Arts Collective", LegalForm.CommunityInterestCompany, ["arts-creativity", "intergenerational"]),
        ("Walking Club", LegalForm.UnincorporatedCommunityGroup, ["health-walks"]),
        ("Carers Network", LegalForm.RegisteredCharity, ["carers-advice", "carers-breaks"]),
        ("Bangladeshi Welfare Association", LegalForm.RegisteredCharity, ["talking-therapies", "benefits-advice", "social-groups"]),
        ("Somali Community Association", LegalForm.CharitableIncorporatedOrganisation, ["adult-learning", "employment-support"]),
        ("Older People's Forum", LegalForm.UnincorporatedCommunityGroup, ["befriending", "exercise-classes"]),
        ("Recovery Community", LegalForm.CommunityInterestCompany, ["alcohol", "drugs", "peer-support"]),
        ("Youth Project", LegalForm.RegisteredCharity, ["exercise-classes", "carers-advice", "employment-support"]),
        ("Tenants' Association", LegalForm.UnincorporatedCommunityGroup, ["housing-advice", "energy-bills"]),
        ("Breathe Easy Group", LegalForm.UnincorporatedCommunityGroup, ["respiratory"]),
    ];

    public static void AddTo(CommonwealDbContext db, IReadOnlyDictionary<string, Organisation> organisations, DateOnly today)
    {
        var (taxonomy, terms) = NeedsTaxonomy.Build();
        db.Taxonomies.Add(taxonomy);
        db.TaxonomyTerms.AddRange(terms);

        var random = new Random(2026);
        var providers = Providers.Select(p => (organisations[p.Organisation], p.Needs)).ToList();
        var number = 0;
        foreach (var area in Areas)
        {
            foreach (var place in area.Places)
            {
                // Four community organisations for each neighbourhood, each of a different kind.
                foreach (var kind in CommunityKinds.OrderBy(_ => random.Next()).Take(4))
                {
                    number++;
                    var organisation = new Organisation
                    {
                        Id = StableIds.For($"demo-organisation:{place}:{kind.Kind}"),
                        Name = $"{place} {kind.Kind}",
                        LegalForm = kind.Form,
                        Identifier = kind.Form switch
                        {
                            LegalForm.UnincorporatedCommunityGroup => null,
                            LegalForm.CommunityInterestCompany or LegalForm.CharitableCompany => $"GB-COH-{13000000 + number:D8}",
                            _ => $"GB-CHC-{1190100 + number}",
                        },
                        Activities = Activities.DirectServiceProvider | (random.Next(3) == 0 ? Activities.CampaigningAndAdvocacy : Activities.PeerSupport),
                        IncomeBand = kind.Form == LegalForm.UnincorporatedCommunityGroup ? IncomeBand.Micro : (IncomeBand)random.Next(1, 3),
                        Members = random.Next(15, 400),
                        Volunteers = random.Next(2, 60),
                        Town = "London",
                        Postcode = Postcode(area.Outcode, random),
                        Description = $"A {LegalForms.DisplayName(kind.Form).ToLowerInvariant()} run by and for people in {place}.",
                    };
                    db.Organisations.Add(organisation);
                    providers.Add((organisation, kind.Needs));
                }
            }
        }

        foreach (var (organisation, needs) in providers)
        {
            var area = Areas.FirstOrDefault(a => organisation.Postcode?.StartsWith(a.Outcode + " ", StringComparison.Ordinal) == true);
            if (area.Outcode is null)
            {
                area = Areas[random.Next(Areas.Length)];
            }

            var location = new Location
            {
                Id = StableIds.For($"demo-location:{organisation.Name}"),
                OrganisationId = organisation.Id,
                Name = organisation.Name,
                AddressLine = $"{random.Next(1, 240)} {Streets[random.Next(Streets.Length)]}",
                City = "London",
                Postcode = organisation.Postcode ?? Postcode(area.Outcode, random),
                Latitude = Math.Round(area.Latitude + ((random.NextDouble() - 0.5) * 0.012), 6),
                Longitude = Math.Round(area.Longitude + ((random.NextDouble() - 0.5) * 0.02), 6),
            };
            location.Outcode = Postcodes.Outcode(location.Postcode);
            location.Extra = new JsonObject
            {
                ["addresses"] = new JsonArray(new JsonObject
                {
                    ["id"] = StableIds.For($"demo-address:{organisation.Name}").ToString(),
                    ["location_id"] = location.Id.ToString(),
                    ["address_1"] = location.AddressLine,
                    ["city"] = "London",
                    ["state_province"] = "Greater London",
                    ["postal_code"] = location.Postcode,
                    ["country"] = "GB",
                    ["address_type"] = "physical",
                }),
            }.ToJsonString();
            db.Locations.Add(location);

            foreach (var need in needs)
            {
                foreach (var template in Templates[need].Take(organisation.LegalForm == LegalForm.UnincorporatedCommunityGroup ? 1 : 2))
                {
                    db.Services.Add(Service(organisation, location, need, template, random, today));
                }
            }

            // Entered twice, as happens: the stewards' duplicates list has something to show.
            if (organisation.Name == "Isle of Dogs Walking Group")
            {
                db.Services.Add(Service(organisation, location, "health-walks", ("Isle of Dogs health walks", "Walks for all abilities around the island.", null, null), random, today));
            }
        }
    }

    private static Service Service(Organisation organisation, Location location, string need,
        (string Name, string Description, int? MinAge, int? MaxAge) template, Random random, DateOnly today)
    {
        var id = StableIds.For($"demo-service:{organisation.Name}:{template.Name}");
        var slug = new string(organisation.Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var phone = $"020 7946 0{random.Next(0, 1000):D3}";
        // Most records checked within the year; some left unchecked for longer, to show staleness.
        var assured = random.Next(10) switch
        {
            0 => (DateOnly?)null,
            1 => today.AddMonths(-random.Next(13, 24)),
            _ => today.AddDays(-random.Next(7, 330)),
        };
        var opens = new TimeOnly(random.Next(9, 15), random.Next(2) * 30);
        var service = new Service
        {
            Id = id,
            OrganisationId = organisation.Id,
            Name = template.Name,
            Description = $"{template.Description} Run by {organisation.Name}.",
            Email = $"hello@{slug}.example.org",
            Url = $"https://{slug}.example.org",
            Status = random.Next(25) == 0 ? ServiceStatus.TemporarilyClosed : ServiceStatus.Active,
            MinimumAge = template.MinAge,
            MaximumAge = template.MaxAge,
            EligibilityDescription = template.MinAge is null ? "Open to everyone." : $"For people aged {template.MinAge}{(template.MaxAge is null ? " and over" : $" to {template.MaxAge}")}.",
            FeesDescription = random.Next(4) == 0 ? "Small contribution asked, waived for anyone who cannot pay." : "Free.",
            AcceptingReferrals = random.Next(8) != 0,
            TypicalWaitDays = random.Next(6) switch { 0 => null, 1 => 0, _ => random.Next(2, 35) },
            ReferralRoute = random.Next(3) == 0 ? $"Self-referral welcome: call {phone}." : "Refer through Commonweal, or ask the person to call us.",
            AssuredDate = assured,
            AssurerEmail = assured is null ? null : "directory@nel-icb.example",
            Extra = new JsonObject
            {
                ["phones"] = new JsonArray(new JsonObject { ["id"] = StableIds.For($"demo-phone:{id}").ToString(), ["number"] = phone, ["type"] = "voice" }),
                ["languages"] = new JsonArray(new JsonObject { ["id"] = StableIds.For($"demo-language:{id}").ToString(), ["name"] = "English", ["code"] = "en" }),
            }.ToJsonString(),
        };
        var atLocation = new ServiceAtLocation { Id = StableIds.For($"demo-sal:{id}"), ServiceId = id, LocationId = location.Id };
        service.ServiceAtLocations.Add(atLocation);
        service.TaxonomyTerms.Add(new ServiceTaxonomyTerm { Id = StableIds.For($"demo-attribute:{id}"), ServiceId = id, TaxonomyTermId = NeedsTaxonomy.TermId(need) });
        var days = Schedule.Days.Take(5).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).OrderBy(d => Array.IndexOf(Schedule.Days, d));
        service.Schedules.Add(new Schedule
        {
            Id = StableIds.For($"demo-schedule:{id}"),
            ServiceId = id,
            Freq = "WEEKLY",
            ByDay = string.Join(',', days),
            OpensAt = opens,
            ClosesAt = opens.AddHours(random.Next(2, 5)),
            Description = string.Create(CultureInfo.InvariantCulture, $"Weekly from {opens:HH\\:mm}"),
        });
        return service;
    }

    private static readonly string[] Streets =
        ["Roman Road", "Mile End Road", "Commercial Road", "East India Dock Road", "Bow Road", "Cable Street", "Chrisp Street", "Manchester Road", "Burdett Road", "Watney Street", "Old Ford Road", "Westferry Road"];

    /// <summary>The letters a postcode's inward code may use (never C, I, K, M, O or V).</summary>
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private static string Postcode(string outcode, Random random) =>
        $"{outcode} {random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";
}
