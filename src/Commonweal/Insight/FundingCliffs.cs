namespace Commonweal.Insight;

/// <summary>A funding commitment with its term, as the cliff figures read it.</summary>
public sealed record FundingTerm(Guid RecipientId, decimal Amount, DateOnly Start, DateOnly End)
{
    /// <summary>Whole months from start to end (a term from 1 April to 31 March is 12), at least one.</summary>
    public int Months
    {
        get
        {
            var after = End.AddDays(1);
            var months = ((after.Year - Start.Year) * 12) + after.Month - Start.Month - (after.Day < Start.Day ? 1 : 0);
            return Math.Max(1, months);
        }
    }

    /// <summary>The value per year of the commitment: what the recipient loses a year when it ends.</summary>
    public decimal AnnualValue => Math.Round(Amount * 12 / Months, 2);

    public bool ActiveOn(DateOnly day) => Start <= day && day <= End;

    /// <summary>A record with no planned end is taken as a one-year grant from its start (360Giving files rarely give one).</summary>
    public static FundingTerm Of(Guid recipientId, decimal amount, DateOnly awardDate, DateOnly? start, DateOnly? end)
    {
        var from = start ?? awardDate;
        return new FundingTerm(recipientId, amount, from, end ?? from.AddYears(1).AddDays(-1));
    }
}

/// <summary>What one organisation stands to lose.</summary>
public sealed record CliffFigures(
    Guid OrganisationId,
    decimal EndingWithin6Months,
    decimal EndingWithin12Months,
    decimal AnnualIncomeNow,
    decimal AnnualIncomeInAYear,
    int CommitmentsEnding)
{
    /// <summary>Income a year from now (from commitments already made) is less than half of today's.</summary>
    public bool FallsByMoreThanHalf => AnnualIncomeNow > 0 && AnnualIncomeInAYear * 2 < AnnualIncomeNow;
}

/// <summary>
/// Funding cliffs: the annual value of commitments whose planned end falls after today and on or
/// before today plus 6 (or 12) months, and the annual income active today against that active a
/// year from today. Other income the organisation records itself is not a commitment with an end,
/// so it is left out of cliffs.
/// </summary>
public static class FundingCliffs
{
    public static CliffFigures For(Guid organisationId, IEnumerable<FundingTerm> terms, DateOnly today)
    {
        var six = today.AddMonths(6);
        var twelve = today.AddMonths(12);
        decimal ending6 = 0, ending12 = 0, now = 0, later = 0;
        var count = 0;
        foreach (var t in terms)
        {
            var annual = t.AnnualValue;
            if (t.End > today && t.End <= twelve)
            {
                ending12 += annual;
                count++;
                if (t.End <= six)
                {
                    ending6 += annual;
                }
            }

            if (t.ActiveOn(today))
            {
                now += annual;
            }

            if (t.ActiveOn(twelve))
            {
                later += annual;
            }
        }

        return new CliffFigures(organisationId, ending6, ending12, now, later, count);
    }
}
