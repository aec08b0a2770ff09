using Commonweal.Passport;
using Commonweal.Procurement;

namespace Commonweal.Web.Procurement;

/// <summary>
/// The draft pages' form: the same content as <see cref="OpportunityDraft"/>, shaped for a page
/// that works without JavaScript (fixed rows, blank ones ignored; deadlines as days, closing at noon).
/// </summary>
public sealed class OpportunityForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public OpportunityType? Type { get; set; }
    public ProcurementProcess? Process { get; set; }
    public List<CommissionerRow> Commissioners { get; set; } = [];
    public long? TotalValue { get; set; }
    public string? PublicationDate { get; set; }
    public string? ClarificationDate { get; set; }
    public string? SubmissionDate { get; set; }
    public string? EvaluationEnd { get; set; }
    public string? ContractStart { get; set; }
    public string? ContractEnd { get; set; }
    public string? MobilisationStart { get; set; }
    public List<LotRow> Lots { get; set; } = [];
    public List<Guid> Needs { get; set; } = [];
    public string? Outcodes { get; set; }
    public long? MinimumAnnualTurnover { get; set; }
    public long? MinimumPublicLiabilityCover { get; set; }
    public long? MinimumEmployersLiabilityCover { get; set; }
    public string? Registrations { get; set; }
    public List<EvidenceKind> RequiredEvidence { get; set; } = [];
    public List<CriterionRow> Criteria { get; set; } = [];
    public string? IncumbentIdentifier { get; set; }
    public string? PerformanceAssessmentUrl { get; set; }

    public sealed class CommissionerRow
    {
        public Guid? OrganisationId { get; set; }
        public decimal? Share { get; set; }
    }

    public sealed class LotRow
    {
        public int? Number { get; set; }
        public string? Title { get; set; }
        public long? Value { get; set; }
    }

    public sealed class CriterionRow
    {
        public string? Name { get; set; }
        public CriterionKind Kind { get; set; } = CriterionKind.Other;
        public decimal? Weight { get; set; }

        /// <summary>One line per score, 0 to 5.</summary>
        public string? Descriptors { get; set; }
    }

    public static OpportunityForm From(OpportunityDraft d, string? incumbentIdentifier) => new()
    {
        Title = d.Title,
        Description = d.Description,
        Type = d.Type,
        Process = d.Process,
        Commissioners = d.Commissioners.Select(c => new CommissionerRow { OrganisationId = c.OrganisationId, Share = c.Share }).ToList(),
        TotalValue = d.TotalValue,
        PublicationDate = Show(d.PublicationDate),
        ClarificationDate = Show(d.ClarificationDeadline is { } c ? Timetable.UkDate(c.UtcDateTime) : null),
        SubmissionDate = Show(d.SubmissionDeadline is { } s ? Timetable.UkDate(s.UtcDateTime) : null),
        EvaluationEnd = Show(d.EvaluationEnd),
        ContractStart = Show(d.ContractStart),
        ContractEnd = Show(d.ContractEnd),
        MobilisationStart = Show(d.MobilisationStart),
        Lots = d.Lots.Select(l => new LotRow { Number = l.Number, Title = l.Title, Value = l.Value }).ToList(),
        Needs = [.. d.Needs],
        Outcodes = string.Join(", ", d.Outcodes),
        MinimumAnnualTurnover = d.MinimumAnnualTurnover,
        MinimumPublicLiabilityCover = d.MinimumPublicLiabilityCover,
        MinimumEmployersLiabilityCover = d.MinimumEmployersLiabilityCover,
        Registrations = string.Join('\n', d.RequiredRegistrations),
        RequiredEvidence = [.. d.RequiredEvidence],
        Criteria = (d.Criteria ?? OpportunityDraft.DefaultCriteria())
            .Select(c => new CriterionRow { Name = c.Name, Kind = c.Kind, Weight = c.Weight, Descriptors = string.Join('\n', c.Descriptors) }).ToList(),
        IncumbentIdentifier = incumbentIdentifier,
        PerformanceAssessmentUrl = d.PerformanceAssessmentUrl,
    };

    /// <summary>Adds blank rows so that a lot, a commissioner or a criterion can be added without JavaScript.</summary>
    public void PadRows()
    {
        while (Commissioners.Count < 2 || Commissioners[^1].OrganisationId is not null)
        {
            Commissioners.Add(new CommissionerRow());
        }

        for (var blank = Lots.Count(l => IsBlank(l)); blank < 2; blank++)
        {
            Lots.Add(new LotRow());
        }

        if (Criteria.Count == 0 || !IsBlank(Criteria[^1]))
        {
            Criteria.Add(new CriterionRow());
        }
    }

    /// <summary>The draft, and a map from the draft's property paths to this form's field names.</summary>
    public (OpportunityDraft Draft, Func<string, string> FieldOf) ToDraft(Guid? incumbentId, Action<string, string> dateError)
    {
        DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "d M yyyy", "d MMMM yyyy", "d MMM yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return day;
            }

            dateError(field, $"{label} must be a real date, like 2027-04-01");
            return null;
        }

        var publication = Date(PublicationDate, nameof(PublicationDate), "Publication date");
        var clarification = Date(ClarificationDate, nameof(ClarificationDate), "Clarification deadline");
        var submission = Date(SubmissionDate, nameof(SubmissionDate), "Submission deadline");
        var evaluationEnd = Date(EvaluationEnd, nameof(EvaluationEnd), "Evaluation end date");
        var contractStart = Date(ContractStart, nameof(ContractStart), "Contract start date");
        var contractEnd = Date(ContractEnd, nameof(ContractEnd), "Contract end date");
        var mobilisationStart = Date(MobilisationStart, nameof(MobilisationStart), "Mobilisation start date");
        var commissioners = Commissioners.Select((c, i) => (c, i)).Where(x => x.c.OrganisationId is not null || x.c.Share is not null).ToList();
        var lots = Lots.Select((l, i) => (l, i)).Where(x => !IsBlank(x.l)).ToList();
        var criteria = Criteria.Select((c, i) => (c, i)).Where(x => !IsBlank(x.c)).ToList();
        var draft = new OpportunityDraft
        {
            Title = Title,
            Description = Description,
            Type = Type,
            Process = Process,
            Commissioners = commissioners.Select(x => new OpportunityDraft.CommissionerShare { OrganisationId = x.c.OrganisationId ?? Guid.Empty, Share = x.c.Share ?? 0 }).ToList(),
            TotalValue = TotalValue,
            PublicationDate = publication,
            ClarificationDeadline = clarification is { } c ? new DateTimeOffset(Timetable.ToUtc(c, Timetable.DefaultDeadlineTime), TimeSpan.Zero) : null,
            SubmissionDeadline = submission is { } s ? new DateTimeOffset(Timetable.ToUtc(s, Timetable.DefaultDeadlineTime), TimeSpan.Zero) : null,
            EvaluationEnd = evaluationEnd,
            ContractStart = contractStart,
            ContractEnd = contractEnd,
            MobilisationStart = mobilisationStart,
            Lots = lots.Select((x, n) => new OpportunityDraft.LotInput { Number = x.l.Number ?? n + 1, Title = x.l.Title, Value = x.l.Value ?? 0 }).ToList(),
            Needs = [.. Needs],
            Outcodes = (Outcodes ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            MinimumAnnualTurnover = MinimumAnnualTurnover,
            MinimumPublicLiabilityCover = MinimumPublicLiabilityCover,
            MinimumEmployersLiabilityCover = MinimumEmployersLiabilityCover,
            RequiredRegistrations = Lines(Registrations),
            RequiredEvidence = [.. RequiredEvidence],
            // Every row left blank means the default criteria, as in the API.
            Criteria = criteria.Count == 0 ? null : criteria.Select(x => new OpportunityDraft.CriterionInput { Name = x.c.Name, Kind = x.c.Kind, Weight = x.c.Weight ?? 0, Descriptors = Lines(x.c.Descriptors) }).ToList(),
            IncumbentOrganisationId = incumbentId,
            PerformanceAssessmentUrl = PerformanceAssessmentUrl,
        };

        string FieldOf(string path)
        {
            var head = path.Split('.')[0];
            var rest = path.Contains('.', StringComparison.Ordinal) ? path[(head.Length + 1)..] : null;
            var name = head.Split('[')[0];
            var index = head.Contains('[', StringComparison.Ordinal) ? int.Parse(head[(name.Length + 1)..^1], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            return name switch
            {
                nameof(OpportunityDraft.Commissioners) when index is { } i => $"Commissioners[{commissioners[i].i}].{rest}",
                nameof(OpportunityDraft.Commissioners) => "Commissioners[0].Share",
                nameof(OpportunityDraft.Lots) when index is { } i => $"Lots[{lots[i].i}].{rest}",
                nameof(OpportunityDraft.Lots) => lots.Count > 0 ? $"Lots[{lots[0].i}].Value" : "TotalValue",
                nameof(OpportunityDraft.Criteria) when index is { } i => $"Criteria[{criteria[i].i}].{rest}",
                nameof(OpportunityDraft.Criteria) => "Criteria[0].Weight",
                nameof(OpportunityDraft.ClarificationDeadline) => nameof(ClarificationDate),
                nameof(OpportunityDraft.SubmissionDeadline) => nameof(SubmissionDate),
                nameof(OpportunityDraft.RequiredRegistrations) => nameof(Registrations),
                nameof(OpportunityDraft.IncumbentOrganisationId) => nameof(IncumbentIdentifier),
                _ => name,
            };
        }

        return (draft, FieldOf);
    }

    private static string? Show(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool IsBlank(LotRow l) => string.IsNullOrWhiteSpace(l.Title) && l.Value is null;

    private static bool IsBlank(CriterionRow c) => string.IsNullOrWhiteSpace(c.Name) && c.Weight is null && string.IsNullOrWhiteSpace(c.Descriptors);
}
