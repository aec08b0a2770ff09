using System.Security.Cryptography;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Passport;

namespace Commonweal.Seed;

/// <summary>
/// Compliance passports for the demo area's providers, dated from the day of seeding so that they
/// always show the same picture: a complete passport for Bow Community Kitchen (the demo provider
/// admin's organisation), insurance expiring soon at Mile End Carers Centre, a safeguarding review
/// due soon at Stepney Money Advice and employers' liability insurance that has expired at the
/// Docklands Home Care Co-operative (the CQC-registered one). Insurers and numbers are fictional.
/// </summary>
public static class DemoPassports
{
    public const string CompleteOrganisation = "Bow Community Kitchen";
    public const string ExpiringOrganisation = "Mile End Carers Centre";
    public const string ReviewDueOrganisation = "Stepney Money Advice";
    public const string ExpiredOrganisation = "Docklands Home Care Co-operative";

    public static void AddTo(CommonwealDbContext db, IReadOnlyDictionary<string, Organisation> organisations, DateOnly today)
    {
        var now = db.Now;
        var documents = new Dictionary<(Guid, string), PassportDocument>();

        void Add(string organisation, string label, Evidence evidence, params string[] documentTitles)
        {
            var owner = organisations[organisation].Id;
            evidence.Id = StableIds.For($"demo-passport:{organisation}:{label}");
            evidence.OrganisationId = owner;
            evidence.CreatedAt = evidence.UpdatedAt = now;
            if (evidence is Volunteer volunteer)
            {
                foreach (var (record, i) in volunteer.Training.Select((t, i) => (t, i)))
                {
                    record.Id = StableIds.For($"demo-passport:{organisation}:{label}:training:{i}");
                    record.VolunteerId = volunteer.Id;
                }
            }

            db.PassportEvidence.Add(evidence);
            foreach (var title in documentTitles)
            {
                // The same document for two items (one certificate covering both policies) is stored once.
                if (!documents.TryGetValue((owner, title), out var document))
                {
                    var content = PlaceholderPdf.Create(title, organisation, "Placeholder document for the Commonweal demo area.");
                    document = new PassportDocument
                    {
                        Id = StableIds.For($"demo-passport-document:{organisation}:{title}"),
                        OrganisationId = owner,
                        Kind = evidence.Kind,
                        ContentType = "application/pdf",
                        FileName = $"{title.ToLowerInvariant().Replace(' ', '-').Replace("'", "")}.pdf",
                        Length = content.Length,
                        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                        Content = content,
                        UploadedAt = now,
                    };
                    documents[(owner, title)] = document;
                    db.PassportDocuments.Add(document);
                }

                db.EvidenceAttachments.Add(new EvidenceAttachment { EvidenceId = evidence.Id, DocumentId = document.Id });
            }
        }

        InsurancePolicy Insurance(EvidenceKind kind, string insurer, string number, decimal cover, DateOnly expires) => new()
        {
            Kind = kind, Insurer = insurer, PolicyNumber = number, Cover = cover, StartsOn = expires.AddYears(-1).AddDays(1), ExpiresOn = expires,
        };

        var lastYearEnd = MonthEnd(today.AddMonths(-8));

        // Bow Community Kitchen: every kind that applies to a community kitchen (it is not CQC-regulated).
        const string bow = CompleteOrganisation;
        Add(bow, "public-liability", Insurance(EvidenceKind.PublicLiabilityInsurance, "Thameside Mutual Insurance", "TMI-PL-448120", 5_000_000m, today.AddDays(200)), "Liability insurance certificate");
        Add(bow, "employers-liability", Insurance(EvidenceKind.EmployersLiabilityInsurance, "Thameside Mutual Insurance", "TMI-EL-448121", 10_000_000m, today.AddDays(200)), "Liability insurance certificate");
        Add(bow, "safeguarding", new SafeguardingPolicy { ReviewDueOn = today.AddDays(300) }, "Safeguarding policy");
        Add(bow, "dbs-coordinator", new DbsCheck { Role = "Volunteer coordinator", Initials = "NR", Level = DbsLevel.Enhanced, IssuedOn = today.AddYears(-1) });
        Add(bow, "dbs-lead", new DbsCheck { Role = "Kitchen lead", Initials = "JB", Level = DbsLevel.Enhanced, IssuedOn = today.AddYears(-5), OnUpdateService = true });
        foreach (var (reference, role, i) in new[] { ("V001", "Cook", 0), ("V002", "Cook", 1), ("V003", "Front of house", 2) })
        {
            Add(bow, $"volunteer-{reference}", new Volunteer
            {
                Reference = reference, Role = role, StartedOn = today.AddMonths(-18 + (i * 3)),
                Training =
                [
                    new TrainingRecord { Course = "Level 2 food hygiene", CompletedOn = today.AddMonths(-6 - i), ExpiresOn = today.AddMonths(-6 - i).AddYears(3) },
                    new TrainingRecord { Course = "Safeguarding adults awareness", CompletedOn = today.AddMonths(-4), ExpiresOn = today.AddMonths(-4).AddYears(2) },
                ],
            });
        }

        Add(bow, "dspt", new DsptAssessment { OdsCode = "8KB27", Status = DsptStatus.StandardsMet, PublishedOn = today.AddMonths(-3) });
        Add(bow, "accounts", new AnnualAccounts { YearEnd = lastYearEnd, Income = 182_400m }, "Annual accounts");

        // Mile End Carers Centre: its public liability policy runs out in a month.
        const string mileEnd = ExpiringOrganisation;
        Add(mileEnd, "public-liability", Insurance(EvidenceKind.PublicLiabilityInsurance, "Lea Valley Insurance", "LVI-33817", 2_000_000m, today.AddDays(30)), "Public liability certificate");
        Add(mileEnd, "employers-liability", Insurance(EvidenceKind.EmployersLiabilityInsurance, "Lea Valley Insurance", "LVI-33818", 10_000_000m, today.AddDays(150)));
        Add(mileEnd, "safeguarding", new SafeguardingPolicy { ReviewDueOn = today.AddDays(250) });
        Add(mileEnd, "dbs-support-worker", new DbsCheck { Role = "Carers support worker", Initials = "AK", Level = DbsLevel.Enhanced, IssuedOn = today.AddMonths(-20) });
        Add(mileEnd, "accounts", new AnnualAccounts { YearEnd = lastYearEnd, Income = 640_000m });

        // Stepney Money Advice: its safeguarding policy is due for review in six weeks.
        const string stepney = ReviewDueOrganisation;
        Add(stepney, "public-liability", Insurance(EvidenceKind.PublicLiabilityInsurance, "Aldgate Insurance", "AI-5521-PL", 2_000_000m, today.AddDays(280)));
        Add(stepney, "safeguarding", new SafeguardingPolicy { ReviewDueOn = today.AddDays(42) }, "Safeguarding policy");
        Add(stepney, "accounts", new AnnualAccounts { YearEnd = lastYearEnd, Income = 415_750m });

        // Docklands Home Care Co-operative: CQC-registered home care whose employers' liability cover lapsed.
        const string docklands = ExpiredOrganisation;
        Add(docklands, "public-liability", Insurance(EvidenceKind.PublicLiabilityInsurance, "Co-operative Care Insurers", "CCI-PL-0912", 5_000_000m, today.AddDays(120)));
        Add(docklands, "employers-liability", Insurance(EvidenceKind.EmployersLiabilityInsurance, "Co-operative Care Insurers", "CCI-EL-0913", 10_000_000m, today.AddDays(-10)), "Employers liability certificate");
        Add(docklands, "cqc", new CqcRegistration { ProviderId = "1-101987654", RegisteredOn = new DateOnly(2016, 4, 1), LatestRating = CqcRating.Good });
        Add(docklands, "dspt", new DsptAssessment { OdsCode = "8HQ41", Status = DsptStatus.ApproachingStandards, PublishedOn = today.AddMonths(-5) });
        Add(docklands, "dbs-carer", new DbsCheck { Role = "Care worker", Initials = "MO", Level = DbsLevel.Enhanced, IssuedOn = today.AddYears(-2), OnUpdateService = true });
    }

    private static DateOnly MonthEnd(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));
}
