using Commonweal.Data;

namespace Commonweal.Passport;

/// <summary>
/// What other capabilities (procurement's conditions of participation) may ask of a passport, at a
/// date: whether each kind of evidence holds, insurance cover, income, CQC registration.
/// </summary>
public sealed class PassportSummary(PassportStatus status)
{
    public PassportStatus Status { get; } = status;

    /// <summary>Valid at that date (expiring soon still counts: it has not expired).</summary>
    public bool Holds(EvidenceKind kind) => Status[kind].Holds;

    /// <summary>The cover of the insurance that holds at that date, in pounds; null when none does.</summary>
    public decimal? InsuranceCover(EvidenceKind kind) =>
        Status[kind].Items
            .Where(i => i.Current && i.State is EvidenceState.Valid or EvidenceState.ExpiringSoon)
            .Select(i => i.Evidence).OfType<InsurancePolicy>()
            .Select(p => (decimal?)p.Cover).Max();

    /// <summary>Income in the accounts with the latest year end on or before that date, in pounds.</summary>
    public decimal? LatestIncome =>
        Status[EvidenceKind.Accounts].Items.Select(i => i.Evidence).OfType<AnnualAccounts>()
            .Where(a => a.YearEnd <= Status.Today)
            .MaxBy(a => a.YearEnd)?.Income;

    public bool HasCqcRegistration => Holds(EvidenceKind.CqcRegistration);
}

public sealed class PassportQueries(CommonwealDbContext db)
{
    public async Task<PassportSummary> SummaryAsync(Guid organisationId, DateTime at, CancellationToken cancellationToken = default) =>
        new(await PassportStatus.LoadAsync(db, organisationId, at, cancellationToken));
}
