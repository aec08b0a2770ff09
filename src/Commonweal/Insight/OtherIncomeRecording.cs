using Commonweal.Data;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Insight;

/// <summary>Other income an organisation records for a financial year: private to the organisation.</summary>
public sealed class OtherIncomeInput
{
    public Guid Organisation { get; set; }
    public IncomeKind? Kind { get; set; }

    /// <summary>The funder's or source's name; needed for other funders, optional otherwise.</summary>
    public string? Source { get; set; }

    /// <summary>The financial year, by the calendar year it starts in (2025 for April 2025 to March 2026).</summary>
    public int? Year { get; set; }
    public decimal? Amount { get; set; }
}

public sealed class OtherIncomeValidator : AbstractValidator<OtherIncomeInput>
{
    public OtherIncomeValidator()
    {
        RuleFor(i => i.Kind).NotNull().WithMessage("Select the kind of income");
        RuleFor(i => i.Source).NotEmpty().When(i => i.Kind == IncomeKind.OtherFunder).WithMessage("Enter the name of the other funder");
        RuleFor(i => i.Source).MaximumLength(FundingRecord.NameMaxLength).WithMessage($"Source must be {FundingRecord.NameMaxLength} characters or fewer");
        RuleFor(i => i.Year).NotNull().WithMessage("Enter the financial year")
            .InclusiveBetween(2000, 2100).When(i => i.Year is not null).WithMessage("Enter a financial year from 2000 to 2100");
        RuleFor(i => i.Amount).NotNull().WithMessage("Enter the amount in pounds")
            .GreaterThan(0).When(i => i.Amount is not null).WithMessage("Amount must be more than £0")
            .LessThan(10_000_000_000m).When(i => i.Amount is not null).WithMessage("Amount must be less than £10 billion");
    }
}

/// <summary>
/// Records other income as a funding record, one per kind, source and year: recording it again
/// replaces the amount, so an organisation corrects its figures rather than adding to them.
/// </summary>
public sealed class OtherIncomeRecording(CommonwealDbContext db)
{
    public async Task<ValidationResult> RecordAsync(OtherIncomeInput input, CancellationToken cancellationToken = default)
    {
        var result = await new OtherIncomeValidator().ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            return result;
        }

        var kind = input.Kind!.Value;
        var source = string.IsNullOrWhiteSpace(input.Source) ? Label(kind) : input.Source.Trim();
        var key = $"income:{kind}:{input.Year}:{source.ToUpperInvariant()}";
        if (key.Length > FundingRecord.KeyMaxLength)
        {
            key = key[..FundingRecord.KeyMaxLength];
        }

        var record = await db.FundingRecords.FirstOrDefaultAsync(
            f => f.Source == FundingSource.OtherIncome && f.SourceKey == key && f.RecipientOrganisationId == input.Organisation, cancellationToken);
        if (record is null)
        {
            record = new FundingRecord
            {
                Source = FundingSource.OtherIncome,
                FunderName = source,
                RecipientOrganisationId = input.Organisation,
                SourceKey = key,
                IncomeKind = kind,
                Title = $"{Label(kind)} {FinancialYears.Label(input.Year!.Value)}",
                RecordedAt = db.Now,
            };
            db.FundingRecords.Add(record);
        }

        record.Amount = input.Amount!.Value;
        var year = input.Year!.Value;
        record.SetDates(FinancialYears.Start(year), FinancialYears.Start(year), FinancialYears.End(year));
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public static string Label(IncomeKind kind) => kind switch
    {
        IncomeKind.Donations => "Donations and fundraising",
        IncomeKind.Trading => "Trading (sales, fees and charges)",
        IncomeKind.OtherFunder => "Another funder",
        IncomeKind.Investments => "Investments and interest",
        _ => kind.ToString(),
    };
}
