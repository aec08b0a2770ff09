using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// What every NHS.UK form field shares: the name and id model binding uses, the hint, the error
/// message from ModelState, aria-describedby, the value to show again and the form group around it.
/// </summary>
public abstract class NhsFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string FieldId => FieldIdFor(FieldName, generator);

    protected string? HintId => string.IsNullOrWhiteSpace(Hint) ? null : FieldId + "-hint";

    protected string? ErrorMessage => ErrorsFor(FieldName).FirstOrDefault();

    protected string? ErrorId => ErrorMessage is null ? null : FieldId + "-error";

    protected string? DescribedBy
    {
        get
        {
            var ids = string.Join(' ', new[] { HintId, ErrorId }.OfType<string>());
            return ids.Length == 0 ? null : ids;
        }
    }

    /// <summary>The id ASP.NET Core gives the input for a field name, which the error summary links to.</summary>
    public static string FieldIdFor(string fieldName, IHtmlGenerator generator) =>
        TagBuilder.CreateSanitizedId(fieldName, generator.IdAttributeDotReplacement);

    /// <summary>What was typed when it was refused, otherwise the model's value.</summary>
    protected IReadOnlyList<string> CurrentValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.Errors.Count > 0)
        {
            return entry.RawValue switch
            {
                string[] values => values,
                null => [],
                _ => [entry.AttemptedValue ?? ""],
            };
        }

        return For.Model switch
        {
            null => [],
            string text => [text],
            IEnumerable values => values.Cast<object?>().Select(Format).ToList(),
            var value => [Format(value)],
        };
    }

    protected string? CurrentValue => CurrentValues().FirstOrDefault();

    protected void WriteFormGroup(TagHelperOutput output, IHtmlContent content)
    {
        output.Become("div", ErrorMessage is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error");
        output.Content.SetHtmlContent(content);
    }

    protected void AppendHintAndError(HtmlContentBuilder html)
    {
        if (HintId is not null)
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("nhsuk-hint");
            hint.Attributes["id"] = HintId;
            hint.InnerHtml.Append(Hint!);
            html.AppendHtml(hint);
        }

        if (ErrorId is not null)
        {
            var hidden = new TagBuilder("span");
            hidden.AddCssClass("nhsuk-u-visually-hidden");
            hidden.InnerHtml.Append("Error:");
            var error = new TagBuilder("span");
            error.AddCssClass("nhsuk-error-message");
            error.Attributes["id"] = ErrorId;
            error.InnerHtml.AppendHtml(hidden).Append(" " + ErrorMessage);
            html.AppendHtml(error);
        }
    }

    /// <summary>Adds the error class and aria-describedby that every control of a field carries.</summary>
    protected void DescribeControl(TagBuilder control, string? errorClass = null)
    {
        if (ErrorMessage is not null && errorClass is not null)
        {
            control.AddCssClass(errorClass);
        }

        if (DescribedBy is not null)
        {
            control.Attributes["aria-describedby"] = DescribedBy;
        }
    }

    private IEnumerable<string> ErrorsFor(string key) =>
        ViewContext.ViewData.ModelState.TryGetValue(key, out var entry)
            ? entry.Errors.Select(ErrorText)
            : [];

    /// <summary>Errors from exceptions carry no message; people still need to be told which answer to check.</summary>
    public static string ErrorText(ModelError error) =>
        string.IsNullOrWhiteSpace(error.ErrorMessage) ? "Enter a valid answer" : error.ErrorMessage;

    private static string Format(object? value) => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "";
}
