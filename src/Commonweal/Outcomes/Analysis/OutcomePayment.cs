namespace Commonweal.Outcomes.Analysis;

/// <summary>What an outcome target is measured on; both are fractions from 0 to 1.</summary>
public enum OutcomeMeasure
{
    /// <summary><see cref="OutcomeCounts.FollowUpRate"/>: paired follow-ups per person with a baseline.</summary>
    FollowUpRate,

    /// <summary><see cref="ChangeSummary.ShareImproved"/>: people meaningfully improved per person paired.</summary>
    ShareImproved,
}

/// <summary>
/// One outcome target of a contract: the measure, the level aimed at as a fraction (0.7 for 70 %), and the percentage
/// of the outcome-linked part it carries. The weights of a contract's targets sum to 100.
/// </summary>
public sealed record OutcomeTarget(OutcomeMeasure Measure, double Target, decimal WeightPercent);

/// <summary>What was achieved on a measure in the period, as a fraction; null when it could not be measured.</summary>
public sealed record OutcomeAchievement(OutcomeMeasure Measure, double? Achieved);

/// <summary>One target's part of a payment statement.</summary>
/// <param name="Measure">The measure the target is on.</param>
/// <param name="Target">The level aimed at, as a fraction.</param>
/// <param name="Achieved">What was achieved, as a fraction; null when nothing was recorded.</param>
/// <param name="WeightPercent">The target's percentage of the outcome-linked part.</param>
/// <param name="Available">The most this target can earn: its weight of the outcome-linked part, not rounded.</param>
/// <param name="ShareEarned">Achieved ÷ target, capped at 1; 0 when nothing was achieved or recorded.</param>
/// <param name="Amount">What the target earned, in pence, including <paramref name="RoundingAdjustment"/>.</param>
/// <param name="RoundingAdjustment">Pence added to (or taken from) this line so that the lines add up to the rounded
/// total; zero on every line but one at most.</param>
public sealed record PaymentLine(
    OutcomeMeasure Measure,
    double Target,
    double? Achieved,
    decimal WeightPercent,
    decimal Available,
    decimal ShareEarned,
    decimal Amount,
    decimal RoundingAdjustment);

/// <summary>
/// What is due for one period of an outcome-linked contract, with the working. Money is in pounds, to the penny:
/// <see cref="FixedPart"/> + <see cref="OutcomeLinkedPart"/> = <see cref="ValueForPeriod"/>, the line amounts add up to
/// <see cref="OutcomeLinkedEarned"/>, and <see cref="FixedPart"/> + <see cref="OutcomeLinkedEarned"/> =
/// <see cref="TotalDue"/>, all exactly.
/// </summary>
public sealed record PaymentStatement(
    decimal ValueForPeriod,
    decimal OutcomeLinkedPercent,
    decimal FixedPart,
    decimal OutcomeLinkedPart,
    IReadOnlyList<PaymentLine> Lines,
    decimal OutcomeLinkedEarned,
    decimal TotalDue,
    IReadOnlyList<string> Working)
{
    /// <summary>The part of the outcome-linked money not earned this period.</summary>
    public decimal Withheld => OutcomeLinkedPart - OutcomeLinkedEarned;
}

/// <summary>
/// The outcome-linked payment rule.
/// <list type="number">
/// <item>The outcome-linked part is <c>outcomeLinkedPercent</c> of the value for the period, rounded to pence; the fixed
/// part is the rest, so the two add up to the value exactly.</item>
/// <item>Each target can earn its weight of the outcome-linked part, in proportion to achievement: achieved ÷ target,
/// capped at 1 (beating one target does not make up for missing another). A missing achievement earns 0.</item>
/// <item>Each line is rounded to pence half away from zero (<see cref="Money.Rounding"/>); the outcome-linked total is the
/// unrounded sum of the lines, rounded the same way. Any difference between the rounded lines and the rounded total is
/// put on the line with the largest amount (the first, on a tie), shown as its rounding adjustment and in the
/// working.</item>
/// <item>Total due = fixed part + outcome-linked total.</item>
/// </list>
/// </summary>
public static class OutcomePayment
{
    /// <exception cref="ArgumentException">An input is out of range; the exception's parameter name says which
    /// (<c>valueForPeriod</c>, <c>outcomeLinkedPercent</c>, <c>targets</c> or <c>achieved</c>).</exception>
    public static PaymentStatement Compute(
        decimal valueForPeriod,
        decimal outcomeLinkedPercent,
        IReadOnlyList<OutcomeTarget> targets,
        IReadOnlyList<OutcomeAchievement> achieved)
    {
        Validate(valueForPeriod, outcomeLinkedPercent, targets, achieved);
        var achievedByMeasure = achieved.ToDictionary(a => a.Measure, a => a.Achieved);

        var linked = Money.ToPence(valueForPeriod * outcomeLinkedPercent / 100);
        var fixedPart = valueForPeriod - linked;
        var working = new List<string>
        {
            $"Value for the period: {Money.Format(valueForPeriod)}.",
            $"Outcome-linked part: {Money.Percent(outcomeLinkedPercent)} of {Money.Format(valueForPeriod)} = {Money.Format(linked)}. " +
            $"Fixed part: {Money.Format(valueForPeriod)} − {Money.Format(linked)} = {Money.Format(fixedPart)}.",
        };

        var exact = new decimal[targets.Count];
        var lines = new PaymentLine[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var available = linked * target.WeightPercent / 100;
            var got = achievedByMeasure.GetValueOrDefault(target.Measure);
            var targetFraction = (decimal)target.Target;
            var share = got is { } g ? Math.Min((decimal)g / targetFraction, 1m) : 0m;
            exact[i] = available * share;
            lines[i] = new PaymentLine(target.Measure, target.Target, got, target.WeightPercent, available, share,
                Money.ToPence(exact[i]), 0m);
            working.Add(Describe(lines[i], exact[i]));
        }

        var earned = Money.ToPence(exact.Sum());
        var difference = earned - lines.Sum(l => l.Amount);
        if (difference != 0)
        {
            var largest = 0;
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Amount > lines[largest].Amount)
                {
                    largest = i;
                }
            }
            var line = lines[largest];
            lines[largest] = line with { Amount = line.Amount + difference, RoundingAdjustment = difference };
            working.Add(
                $"Rounding: the lines rounded to the penny come to {Money.Format(earned - difference)}, but their exact sum " +
                $"rounds to {Money.Format(earned)}, so {Money.Format(difference)} is put on the {Name(line.Measure)} line, " +
                $"which becomes {Money.Format(lines[largest].Amount)}.");
        }

        var total = fixedPart + earned;
        working.Add(
            $"Outcome-linked earned: {Money.Format(earned)} of {Money.Format(linked)} ({Money.Format(linked - earned)} withheld). " +
            $"Total due: fixed part {Money.Format(fixedPart)} + outcome-linked earned {Money.Format(earned)} = {Money.Format(total)}.");

        return new PaymentStatement(valueForPeriod, outcomeLinkedPercent, fixedPart, linked, lines, earned, total, working);
    }

    /// <summary>The measure as people read it in the working.</summary>
    public static string Name(OutcomeMeasure measure) => measure switch
    {
        OutcomeMeasure.FollowUpRate => "follow-up rate",
        OutcomeMeasure.ShareImproved => "share meaningfully improved",
        _ => measure.ToString(),
    };

    private static string Describe(PaymentLine line, decimal exact)
    {
        var name = Name(line.Measure);
        var heading = $"{char.ToUpperInvariant(name[0])}{name[1..]} (weight {Money.Percent(line.WeightPercent)}): " +
            $"up to {Money.Percent(line.WeightPercent)} of the outcome-linked part = {Money.Format(line.Available)}. " +
            $"Target {Money.Fraction((decimal)line.Target)}, ";
        if (line.Achieved is not { } achieved)
        {
            return heading + "nothing recorded for the period, so nothing is earned: £0.00.";
        }
        var rounded = exact == line.Amount ? "" : $" ({Money.Format(exact)} before rounding to the penny)";
        var ratio = line.ShareEarned == 1m && (decimal)achieved > (decimal)line.Target
            ? $"achieved {Money.Fraction((decimal)achieved)}: at or above target, so the share earned is capped at 100%"
            : $"achieved {Money.Fraction((decimal)achieved)}: share earned {Money.Fraction((decimal)achieved)} ÷ " +
              $"{Money.Fraction((decimal)line.Target)} = {Money.Fraction(line.ShareEarned)}";
        return heading + ratio +
            $"; earned {Money.Fraction(line.ShareEarned)} × {Money.Format(line.Available)} = {Money.Format(line.Amount)}{rounded}.";
    }

    private static void Validate(
        decimal valueForPeriod,
        decimal outcomeLinkedPercent,
        IReadOnlyList<OutcomeTarget> targets,
        IReadOnlyList<OutcomeAchievement> achieved)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(achieved);
        if (valueForPeriod < 0 || valueForPeriod != Math.Round(valueForPeriod, 2))
        {
            throw new ArgumentOutOfRangeException(nameof(valueForPeriod), valueForPeriod,
                "The value for the period must be zero or more, in whole pence.");
        }
        if (outcomeLinkedPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(outcomeLinkedPercent), outcomeLinkedPercent,
                "The outcome-linked percentage must be between 0 and 100.");
        }
        foreach (var target in targets)
        {
            if (target is null)
            {
                throw new ArgumentException("A target is missing.", nameof(targets));
            }
            if (!Enum.IsDefined(target.Measure))
            {
                throw new ArgumentException($"Unknown outcome measure {target.Measure}.", nameof(targets));
            }
            if (!double.IsFinite(target.Target) || target.Target <= 0 || target.Target > 1)
            {
                throw new ArgumentException(
                    $"The {Name(target.Measure)} target must be more than 0 and at most 1 (100%).", nameof(targets));
            }
            if (target.WeightPercent is <= 0 or > 100)
            {
                throw new ArgumentException(
                    $"The {Name(target.Measure)} weight must be more than 0 and at most 100.", nameof(targets));
            }
        }
        if (targets.Select(t => t.Measure).Distinct().Count() != targets.Count)
        {
            throw new ArgumentException("Each outcome measure can have only one target.", nameof(targets));
        }
        // With nothing held against outcomes, a contract needs no targets; otherwise the targets must share out all of it.
        if ((targets.Count > 0 || outcomeLinkedPercent > 0) && targets.Sum(t => t.WeightPercent) != 100)
        {
            throw new ArgumentException("The weights of the targets must add up to 100.", nameof(targets));
        }
        foreach (var a in achieved)
        {
            if (a is null)
            {
                throw new ArgumentException("An achievement is missing.", nameof(achieved));
            }
            if (a.Achieved is { } value && (!double.IsFinite(value) || value < 0 || value > 1))
            {
                throw new ArgumentException(
                    $"The {Name(a.Measure)} achieved must be between 0 and 1 (100%).", nameof(achieved));
            }
        }
        if (achieved.Select(a => a.Measure).Distinct().Count() != achieved.Count)
        {
            throw new ArgumentException("Each outcome measure can have only one achievement.", nameof(achieved));
        }
    }
}
