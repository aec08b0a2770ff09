using Commonweal.Data;
using Commonweal.Organisations;

namespace Commonweal.Insight;

/// <summary>Where a funding record came from.</summary>
public enum FundingSource
{
    /// <summary>A contract awarded on Commonweal (materialised when the contract is recorded).</summary>
    Award,

    /// <summary>A grant imported from a 360Giving file.</summary>
    Grant,

    /// <summary>Income the organisation recorded itself: private to the organisation.</summary>
    OtherIncome,
}

/// <summary>Kinds of other income an organisation records itself.</summary>
public enum IncomeKind
{
    Donations,
    Trading,
    OtherFunder,
    Investments,
}

/// <summary>
/// One flow of money from a funder to a recipient: a contract made here, an imported grant, or
/// income the recipient recorded. Every insight figure (dependency, cliffs, sector share) is read
/// from this one table, so there is a single query path for the numbers.
/// </summary>
public sealed class FundingRecord
{
    public const int TitleMaxLength = 300;
    public const int NameMaxLength = 200;
    public const int KeyMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public FundingSource Source { get; set; }

    /// <summary>Null for other income from a source that is not an organisation here (donations, trading).</summary>
    public Guid? FunderOrganisationId { get; set; }
    public Organisation? FunderOrganisation { get; set; }

    /// <summary>The funder as the source names it (for donations: the kind of income).</summary>
    public required string FunderName { get; set; }

    public Guid RecipientOrganisationId { get; set; }
    public Organisation? Recipient { get; set; }

    /// <summary>
    /// Stored in pence: whole numbers add up exactly and quickly in every engine (SQLite cannot sum
    /// decimals in the database).
    /// </summary>
    public long AmountPence { get; set; }

    public decimal Amount
    {
        get => AmountPence / 100m;
        set => AmountPence = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
    }

    /// <summary>ISO 4217; figures add up GBP only.</summary>
    public string Currency { get; set; } = "GBP";

    public DateOnly AwardDate { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }

    /// <summary>The term the figures use: the planned dates, else from the award date for one year (see <see cref="FundingTerm.Of"/>).</summary>
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }

    /// <summary>
    /// The financial year (April to March, named by the year it starts in) the money counts in:
    /// that of the planned start, else of the award date. Stored so that figures group in the database.
    /// </summary>
    public int FinancialYear { get; set; }

    /// <summary>
    /// The value per year of the term in pence (<see cref="FundingTerm.AnnualValue"/>), stored when the
    /// dates are set so that cliff figures for every organisation add up in one GROUP BY in the database.
    /// </summary>
    public long AnnualPence { get; set; }

    /// <summary>Programme or title of the grant or contract.</summary>
    public string? Title { get; set; }

    /// <summary>For other income: which kind.</summary>
    public IncomeKind? IncomeKind { get; set; }

    /// <summary>The contract this record came from (awards made here).</summary>
    public Guid? ContractId { get; set; }

    /// <summary>
    /// The stable key of the source: the 360Giving grant id, "contract:&lt;id&gt;:&lt;funder&gt;" for awards,
    /// "income:&lt;kind&gt;:&lt;year&gt;" for other income. Unique per recipient, so re-imports update rather than add.
    /// </summary>
    public required string SourceKey { get; set; }

    /// <summary>The org-id (or 360Giving id) of the recipient as the source gave it, so re-imports find the same organisation.</summary>
    public string? RecipientIdentifier { get; set; }
    public string? FunderIdentifier { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>Sets the dates and the term, year and annual value derived from them (so set the amount first).</summary>
    public void SetDates(DateOnly awardDate, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        AwardDate = awardDate;
        PlannedStart = plannedStart;
        PlannedEnd = plannedEnd;
        var term = FundingTerm.Of(RecipientOrganisationId, Amount, awardDate, plannedStart, plannedEnd);
        TermStart = term.Start;
        TermEnd = term.End;
        FinancialYear = FinancialYears.Of(term.Start);
        AnnualPence = (long)(term.AnnualValue * 100);
    }

    /// <summary>The key income is grouped by funder under: the funder organisation, or the kind of other income.</summary>
    public string FunderKey => FunderOrganisationId is { } id ? id.ToString() : $"{Source}:{IncomeKind}:{FunderName}";
}

/// <summary>Financial years run from 1 April to 31 March and are named by the calendar year they start in.</summary>
public static class FinancialYears
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static DateOnly Start(int year) => new(year, 4, 1);

    public static DateOnly End(int year) => new(year + 1, 3, 31);

    /// <summary>"2025-26".</summary>
    public static string Label(int year) => $"{year}-{(year + 1) % 100:00}";
}
