using System.Globalization;
using Commonweal.Passport;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commonweal.Web.Passport;

/// <summary>
/// The evidence form as typed: dates and amounts arrive as text so that a mistyped one gets a
/// message saying what to enter, not a binding error. Parsed into <see cref="EvidenceDetails"/>,
/// which the same validator as the API's then checks.
/// </summary>
public sealed class EvidenceForm
{
    public string? Insurer { get; set; }
    public string? PolicyNumber { get; set; }
    public string? Cover { get; set; }
    public string? StartsOn { get; set; }
    public string? ExpiresOn { get; set; }
    public string? ReviewDueOn { get; set; }
    public string? Role { get; set; }
    public string? Initials { get; set; }
    public DbsLevel? Level { get; set; }
    public string? IssuedOn { get; set; }
    public bool? OnUpdateService { get; set; }
    public string? Reference { get; set; }
    public string? StartedOn { get; set; }
    public string? OdsCode { get; set; }
    public DsptStatus? DsptStatus { get; set; }
    public string? PublishedOn { get; set; }
    public string? CqcProviderId { get; set; }
    public string? RegisteredOn { get; set; }
    public CqcRating? LatestRating { get; set; }
    public string? YearEnd { get; set; }
    public string? Income { get; set; }

    public static EvidenceForm From(EvidenceDetails d) => new()
    {
        Insurer = d.Insurer,
        PolicyNumber = d.PolicyNumber,
        Cover = FormText.Money(d.Cover),
        StartsOn = FormText.Date(d.StartsOn),
        ExpiresOn = FormText.Date(d.ExpiresOn),
        ReviewDueOn = FormText.Date(d.ReviewDueOn),
        Role = d.Role,
        Initials = d.Initials,
        Level = d.Level,
        IssuedOn = FormText.Date(d.IssuedOn),
        OnUpdateService = d.OnUpdateService,
        Reference = d.Reference,
        StartedOn = FormText.Date(d.StartedOn),
        OdsCode = d.OdsCode,
        DsptStatus = d.DsptStatus,
        PublishedOn = FormText.Date(d.PublishedOn),
        CqcProviderId = d.CqcProviderId,
        RegisteredOn = FormText.Date(d.RegisteredOn),
        LatestRating = d.LatestRating,
        YearEnd = FormText.Date(d.YearEnd),
        Income = FormText.Money(d.Income),
    };

    /// <summary>The details to validate; text that is not a date or an amount is reported under its field.</summary>
    public EvidenceDetails ToDetails(EvidenceKind kind, ModelStateDictionary modelState, string prefix)
    {
        var parse = new FormText(modelState, prefix);
        return new EvidenceDetails
        {
            Kind = kind,
            Insurer = Insurer,
            PolicyNumber = PolicyNumber,
            Cover = parse.Money(Cover, nameof(Cover), "Cover"),
            StartsOn = parse.Date(StartsOn, nameof(StartsOn), "Start date"),
            ExpiresOn = parse.Date(ExpiresOn, nameof(ExpiresOn), "Expiry date"),
            ReviewDueOn = parse.Date(ReviewDueOn, nameof(ReviewDueOn), "Review date"),
            Role = Role,
            Initials = Initials,
            Level = Level,
            IssuedOn = parse.Date(IssuedOn, nameof(IssuedOn), "Issue date"),
            OnUpdateService = OnUpdateService,
            Reference = Reference,
            StartedOn = parse.Date(StartedOn, nameof(StartedOn), "Start date"),
            OdsCode = OdsCode,
            DsptStatus = DsptStatus,
            PublishedOn = parse.Date(PublishedOn, nameof(PublishedOn), "Publication date"),
            CqcProviderId = CqcProviderId,
            RegisteredOn = parse.Date(RegisteredOn, nameof(RegisteredOn), "Registration date"),
            LatestRating = LatestRating,
            YearEnd = parse.Date(YearEnd, nameof(YearEnd), "Year end"),
            Income = parse.Money(Income, nameof(Income), "Income"),
        };
    }
}

/// <summary>One training record as typed on the volunteer page.</summary>
public sealed class TrainingForm
{
    public string? Course { get; set; }
    public string? CompletedOn { get; set; }
    public string? ExpiresOn { get; set; }

    public TrainingDetails ToDetails(ModelStateDictionary modelState, string prefix)
    {
        var parse = new FormText(modelState, prefix);
        return new TrainingDetails
        {
            Course = Course,
            CompletedOn = parse.Date(CompletedOn, nameof(CompletedOn), "Completion date"),
            ExpiresOn = parse.Date(ExpiresOn, nameof(ExpiresOn), "Expiry date"),
        };
    }
}

/// <summary>Reads the dates and amounts people type, in the forms they commonly type them.</summary>
public sealed class FormText(ModelStateDictionary modelState, string prefix)
{
    public const string DateHint = "For example, 31/3/2027";

    private static readonly string[] DateFormats =
        ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "yyyy-M-d", "d MMMM yyyy", "d MMM yyyy"];

    public DateOnly? Date(string? text, string field, string name) =>
        Read(text, field, $"{name} must be a real date, like 31/3/2027",
            (string t, out DateOnly date) => DateOnly.TryParseExact(t.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out date));

    public decimal? Money(string? text, string field, string name) =>
        Read(text, field, $"{name} must be a number of pounds, like 250000",
            (string t, out decimal amount) => decimal.TryParse(Digits(t.Trim().TrimStart('£')), Decimals, CultureInfo.InvariantCulture, out amount));

    public decimal? Number(string? text, string field, string name) =>
        Read(text, field, $"{name} must be a number, like 12.5",
            (string t, out decimal number) => decimal.TryParse(Digits(t), Decimals, CultureInfo.InvariantCulture, out number));

    public int? WholeNumber(string? text, string field, string name) =>
        Read(text, field, $"{name} must be a whole number",
            (string t, out int number) => int.TryParse(Digits(t), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number));

    private const NumberStyles Decimals = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    private delegate bool TryRead<T>(string text, out T value);

    /// <summary>Thousands separators and spaces, as people type them, taken out.</summary>
    private static string Digits(string text) => text.Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>A blank box is no value; anything else is read or named in the field's error.</summary>
    private T? Read<T>(string? text, string field, string error, TryRead<T> tryRead)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (tryRead(text, out var value))
        {
            return value;
        }

        modelState.AddModelError($"{prefix}.{field}", error);
        return null;
    }

    public static string? Date(DateOnly? date) => date?.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    public static string? Money(decimal? amount) => amount?.ToString("0.##", CultureInfo.InvariantCulture);
}
