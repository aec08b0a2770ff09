using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Commissioning;

/// <summary>
/// The organisations the signed-in person commissions for. A form asks which one only when there
/// are several; with one, the record is for that one.
/// </summary>
public sealed class CommissionerOptions
{
    private CommissionerOptions(IReadOnlyList<SelectListItem> items) => Items = items;

    public IReadOnlyList<SelectListItem> Items { get; }

    public bool Several => Items.Count > 1;

    public static async Task<CommissionerOptions> LoadAsync(CommonwealDbContext db, InsightViewer viewer)
    {
        var ids = viewer.CommissionerIn.ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        return new CommissionerOptions(organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList());
    }

    /// <summary>The only commissioner, or the one chosen on the form (null when none was).</summary>
    public Guid? Chosen(Guid? posted) => Several ? posted : Guid.Parse(Items[0].Value);
}

/// <summary>The area form: outcodes typed in one box, separated by commas or spaces.</summary>
public sealed class AreaForm
{
    public Guid? Commissioner { get; set; }
    public string? Name { get; set; }
    public string? Outcodes { get; set; }

    public AreaInput ToInput(Guid commissioner) => new()
    {
        Commissioner = commissioner,
        Name = Name,
        Outcodes = (Outcodes ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
    };

    /// <summary>Every outcode's error ("Outcodes[2]") is shown at the one box.</summary>
    public static string FieldOf(string property) =>
        property.StartsWith(nameof(AreaInput.Outcodes), StringComparison.Ordinal) ? nameof(Outcodes) : property;
}

/// <summary>The need form: numbers arrive as text, so that a mistyped one is named, not a binding error.</summary>
public sealed class NeedForm
{
    public NeedKind? Kind { get; set; }
    public string? Name { get; set; }
    public string? Prevalence { get; set; }
    public PrevalenceUnit? PrevalenceUnit { get; set; }
    public string? Burden { get; set; }
    public BurdenUnit? BurdenUnit { get; set; }
    public bool Rare { get; set; }
    public string? OrphanetCode { get; set; }
    public Guid? Term { get; set; }
    public string? EstimatedPeople { get; set; }

    public NeedInput ToInput(ModelStateDictionary modelState, string prefix)
    {
        var parse = new FormText(modelState, prefix);
        return new NeedInput
        {
            Kind = Kind,
            Name = Name,
            Prevalence = parse.Number(Prevalence, nameof(Prevalence), "Prevalence"),
            PrevalenceUnit = PrevalenceUnit,
            Burden = parse.Number(Burden, nameof(Burden), "Burden"),
            BurdenUnit = BurdenUnit,
            Rare = Rare,
            OrphanetCode = OrphanetCode,
            Term = Term,
            EstimatedPeople = parse.WholeNumber(EstimatedPeople, nameof(EstimatedPeople), "Estimated people"),
        };
    }
}

public sealed class PlanForm
{
    public Guid? Commissioner { get; set; }
    public Guid? Area { get; set; }
    public string? Year { get; set; }
    public string? Title { get; set; }

    public PlanInput ToInput(Guid commissioner, ModelStateDictionary modelState, string prefix) => new()
    {
        Commissioner = commissioner,
        Area = Area ?? Guid.Empty,
        Year = new FormText(modelState, prefix).WholeNumber(Year, nameof(Year), "Financial year"),
        Title = Title,
    };
}

/// <summary>A pooled fund as typed: a row per commissioner; rows left blank are not members.</summary>
public sealed class PoolForm
{
    private const int MinimumRows = 3;
    private const int MaximumRows = 20;

    public string? Name { get; set; }
    public List<PoolMemberForm> Members { get; set; } = [];

    /// <summary>Always a blank row to add another commissioner.</summary>
    public void PadRows()
    {
        while (Members.Count < MaximumRows && (Members.Count < MinimumRows || !Members[^1].IsBlank))
        {
            Members.Add(new PoolMemberForm());
        }
    }

    /// <summary>The input without the blank rows, and how to find the row an error is about.</summary>
    public (PoolInput Input, Func<string, string> FieldOf) ToInput(ModelStateDictionary modelState, string prefix)
    {
        var rows = Enumerable.Range(0, Members.Count).Where(i => !Members[i].IsBlank).ToList();
        var members = rows.Select(i =>
        {
            var row = Members[i];
            var parse = new FormText(modelState, $"{prefix}.{nameof(Members)}[{i}]");
            if (row.Organisation is null)
            {
                modelState.AddModelError($"{prefix}.{nameof(Members)}[{i}].{nameof(PoolMemberForm.Organisation)}", "Select the commissioner, or clear the row");
            }

            return new PoolMemberInput
            {
                Organisation = row.Organisation ?? Guid.Empty,
                Amount = parse.Money(row.Amount, nameof(PoolMemberForm.Amount), "Amount"),
                Share = parse.Number(row.Share, nameof(PoolMemberForm.Share), "Share"),
            };
        }).ToList();

        string FieldOf(string property)
        {
            const string head = nameof(PoolInput.Members) + "[";
            if (!property.StartsWith(head, StringComparison.Ordinal))
            {
                return property;
            }

            var end = property.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(property[head.Length..end], System.Globalization.CultureInfo.InvariantCulture);
            return $"{nameof(Members)}[{rows[index]}]{property[(end + 1)..]}";
        }

        return (new PoolInput { Name = Name, Members = members }, FieldOf);
    }
}

public sealed class PoolMemberForm
{
    public Guid? Organisation { get; set; }
    public string? Amount { get; set; }
    public string? Share { get; set; }

    public bool IsBlank => Organisation is null && string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Share);
}

public static class CommissioningLabels
{
    public static string DisplayName(NeedKind kind) => kind == NeedKind.Condition ? "Health condition" : "Social need";

    public static string DisplayName(PrevalenceUnit unit) => unit == PrevalenceUnit.PerThousand ? "Per 1,000 people" : "Number of people";

    /// <summary>"110 per 1,000", "12 people": a condition's prevalence or a social need's estimated people.</summary>
    public static string Prevalence(AreaNeed n) => n.Kind == NeedKind.Social ? $"{n.EstimatedPeople:#,##0} people"
        : n.Prevalence is { } p ? (n.PrevalenceUnit == PrevalenceUnit.PerThousand ? $"{p:0.##} per 1,000" : $"{p:#,##0} people") : "Not known";

    public static string Burden(decimal? burden, BurdenUnit? unit) => burden is { } b ? $"{b:#,##0.##} {(unit == BurdenUnit.Dalys ? "DALYs" : "%")}" : "Not known";

    public static string DisplayName(BurdenUnit unit) => unit == BurdenUnit.Dalys ? "DALYs (disability-adjusted life years lost a year)" : "Percent of the area's disease burden";
}

/// <summary>The opportunity chosen to draw on a pool.</summary>
public sealed class DrawForm
{
    public Guid? Opportunity { get; set; }
}
