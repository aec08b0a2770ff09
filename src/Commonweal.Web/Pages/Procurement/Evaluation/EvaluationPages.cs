using System.Globalization;
using Commonweal.Procurement;
using Commonweal.Procurement.Evaluation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>What the evaluation pages share: refusals turned into ModelState errors, and the score choices.</summary>
public static class EvaluationPages
{
    /// <summary>
    /// A refusal's field errors go next to their fields (the JSON path <c>scores[1].score</c> is the
    /// form's <c>Scores[1].Score</c>); anything else goes at the top of the error summary.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, EvaluationResult result)
    {
        if (result.Errors is { Count: > 0 } errors)
        {
            foreach (var (path, message) in errors)
            {
                modelState.AddModelError(FieldName(path), message);
            }

            return;
        }

        modelState.AddModelError("", result.Message ?? "Something went wrong: try again.");
    }

    public static string FieldName(string jsonPath) =>
        string.Join('.', jsonPath.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>Scores 0 to 5, each with the criterion's published descriptor as its label.</summary>
    public static IReadOnlyList<SelectListItem> ScoreChoices(AwardCriterion c) =>
        [.. Enumerable.Range(EvaluationScoring.MinScore, EvaluationScoring.MaxScore + 1).Select(score => new SelectListItem(
            c.Descriptors.ElementAtOrDefault(score) is { Length: > 0 } descriptor ? descriptor : score.ToString(CultureInfo.InvariantCulture),
            score.ToString(CultureInfo.InvariantCulture)))];

    public static string Number(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string OpportunityUrl(Opportunity o) => $"/opportunities/{o.Reference}/evaluation";
}

/// <summary>One score or consensus score as a form posts it.</summary>
public sealed class ScoreForm
{
    public Guid CriterionId { get; set; }
    public int? Score { get; set; }
    public string? Comment { get; set; }
    public string? Reason { get; set; }
}

/// <summary>One declaration as a form posts it.</summary>
public sealed class DeclarationForm
{
    public Guid OrganisationId { get; set; }
    public bool? HasInterest { get; set; }
    public string? Description { get; set; }
}
