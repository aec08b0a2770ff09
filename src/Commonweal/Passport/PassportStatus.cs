using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Passport;

/// <summary>Best first: the order in which one item is preferred over another.</summary>
public enum EvidenceState
{
    Valid,
    ExpiringSoon,
    Expired,
    Missing,
}

/// <summary>How one item stands at a date, and the date that decides it (expiry, review, recheck).</summary>
public sealed record ItemStatus(Evidence Evidence, EvidenceState State, DateOnly? Date, string? Note, bool Current);

/// <summary>How one kind of evidence stands: missing when nothing counts, otherwise its weakest current item.</summary>
public sealed record KindStatus(EvidenceKind Kind, EvidenceState State, DateOnly? Date, string? Note, IReadOnlyList<ItemStatus> Items)
{
    /// <summary>Still valid, even if expiring soon: what a condition of participation asks for.</summary>
    public bool Holds => State is EvidenceState.Valid or EvidenceState.ExpiringSoon;
}

/// <summary>
/// The passport of one organisation at one date. The rules, each tested at its boundaries:
/// <list type="bullet">
/// <item>Evidence is valid to the end of the day its date falls on and expired from the day after.</item>
/// <item>It is expiring soon from <see cref="ExpiringSoonDays"/> days before that date: 60 days gives
/// two months' notice, enough to renew insurance or book a review board before a bid needs it.</item>
/// <item>Insurance: from its start date to its expiry date; a policy that has not started yet does not count.</item>
/// <item>Safeguarding policy: expired once its review date has passed.</item>
/// <item>DBS checks: a certificate carries no expiry, but commissioners expect a recheck every
/// <see cref="DbsRecheckYears"/> years, so one issued longer ago counts as expired, unless the holder
/// is on the DBS update service (which keeps it current). Each role and holder counts separately.</item>
/// <item>Volunteers: each course's latest completion counts; the earliest expiry among them decides.
/// A volunteer whose training does not expire is valid.</item>
/// <item>DSPT: a publication is current for a year (the toolkit is republished every year); a status
/// of "standards not met" does not count at all.</item>
/// <item>CQC: valid from the registration date; registration does not expire.</item>
/// <item>Accounts: current until the next year's are due to be filed, 10 months after the next year
/// end (the Charity Commission's deadline; Companies House allows 9).</item>
/// </list>
/// Items with the same subject are versions of one thing; the best of them is current. The kind is
/// as weak as its weakest current item, dated by the earliest such item.
/// </summary>
public sealed class PassportStatus
{
    public const int ExpiringSoonDays = 60;
    public const int DbsRecheckYears = 3;
    public const int DsptValidMonths = 12;
    public const int AccountsFilingMonths = 10;

    private readonly Dictionary<EvidenceKind, KindStatus> kinds;

    private PassportStatus(DateOnly today, Dictionary<EvidenceKind, KindStatus> kinds)
    {
        Today = today;
        this.kinds = kinds;
    }

    public DateOnly Today { get; }

    public IReadOnlyList<KindStatus> Kinds => [.. Enum.GetValues<EvidenceKind>().Select(k => kinds[k])];

    public KindStatus this[EvidenceKind kind] => kinds[kind];

    public static DateOnly DateOf(DateTime at) => DateOnly.FromDateTime(at.ToUniversalTime());

    public static PassportStatus Compute(IEnumerable<Evidence> evidence, DateTime at)
    {
        var today = DateOf(at);
        var byKind = evidence.ToLookup(e => e.Kind);
        var kinds = Enum.GetValues<EvidenceKind>().ToDictionary(k => k, k => ComputeKind(k, byKind[k], today));
        return new PassportStatus(today, kinds);
    }

    /// <summary>Reads an organisation's evidence (with training and documents) and computes its status.</summary>
    public static async Task<PassportStatus> LoadAsync(CommonwealDbContext db, Guid organisationId, DateTime at, CancellationToken cancellationToken = default) =>
        Compute(await LoadEvidenceAsync(db, organisationId, cancellationToken), at);

    public static async Task<List<Evidence>> LoadEvidenceAsync(CommonwealDbContext db, Guid organisationId, CancellationToken cancellationToken = default) =>
        await db.PassportEvidence.AsNoTracking()
            .Where(e => e.OrganisationId == organisationId)
            .Include(e => ((Volunteer)e).Training)
            .Include(e => e.Attachments).ThenInclude(a => a.Document)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    /// <summary>One item on its own, at a date.</summary>
    public static (EvidenceState State, DateOnly? Date, string? Note) Assess(Evidence evidence, DateOnly today) => evidence switch
    {
        InsurancePolicy p when p.StartsOn > today => (EvidenceState.Missing, p.StartsOn, "Not in force until its start date"),
        InsurancePolicy p => ByDate(p.ExpiresOn, today),
        SafeguardingPolicy s => ByDate(s.ReviewDueOn, today),
        DbsCheck { OnUpdateService: true } d => (EvidenceState.Valid, d.IssuedOn, "Kept current by the DBS update service"),
        DbsCheck d => ByDate(d.IssuedOn.AddYears(DbsRecheckYears), today),
        Volunteer v => AssessVolunteer(v, today),
        DsptAssessment { Status: DsptStatus.StandardsNotMet } d => (EvidenceState.Missing, d.PublishedOn, "Standards not met"),
        DsptAssessment d => ByDate(d.PublishedOn.AddMonths(DsptValidMonths), today),
        CqcRegistration c when c.RegisteredOn > today => (EvidenceState.Missing, c.RegisteredOn, "Not registered until its registration date"),
        CqcRegistration c => (EvidenceState.Valid, c.RegisteredOn, null),
        AnnualAccounts a => ByDate(a.YearEnd.AddYears(1).AddMonths(AccountsFilingMonths), today),
        _ => (EvidenceState.Missing, null, null),
    };

    private static (EvidenceState, DateOnly?, string?) ByDate(DateOnly due, DateOnly today) =>
        due < today ? (EvidenceState.Expired, due, null)
        : due.DayNumber - today.DayNumber <= ExpiringSoonDays ? (EvidenceState.ExpiringSoon, due, null)
        : (EvidenceState.Valid, due, null);

    private static (EvidenceState, DateOnly?, string?) AssessVolunteer(Volunteer v, DateOnly today)
    {
        var earliest = v.Training
            .Where(t => t.CompletedOn <= today)
            .GroupBy(t => t.Course.Trim().ToUpperInvariant())
            .Select(g => g.MaxBy(t => t.CompletedOn)!.ExpiresOn)
            .OfType<DateOnly>()
            .Order()
            .FirstOrDefault();
        return earliest == default ? (EvidenceState.Valid, null, "No training due for renewal") : ByDate(earliest, today);
    }

    private static KindStatus ComputeKind(EvidenceKind kind, IEnumerable<Evidence> evidence, DateOnly today)
    {
        var assessed = evidence.Select(e => (Evidence: e, Assessment: Assess(e, today))).ToList();
        if (assessed.Count == 0)
        {
            return new KindStatus(kind, EvidenceState.Missing, null, null, []);
        }

        // Best first; among equals the one that lasts longest (no date lasts longest).
        var current = assessed.GroupBy(a => a.Evidence.Subject)
            .Select(g => g.OrderBy(a => a.Assessment.State).ThenByDescending(a => a.Assessment.Date ?? DateOnly.MaxValue).First().Evidence.Id)
            .ToHashSet();
        var items = assessed
            .Select(a => new ItemStatus(a.Evidence, a.Assessment.State, a.Assessment.Date, a.Assessment.Note, current.Contains(a.Evidence.Id)))
            .OrderByDescending(i => i.Current).ThenBy(i => i.Evidence.Subject).ThenByDescending(i => i.Date)
            .ToList();
        var weakest = items.Where(i => i.Current).OrderByDescending(i => i.State).ThenBy(i => i.Date ?? DateOnly.MaxValue).First();
        return new KindStatus(kind, weakest.State, weakest.Date, weakest.Note, items);
    }
}
