using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>An NHS.UK textarea: <c>&lt;nhs-textarea asp-for="Input.Description" label="Description" rows="5" /&gt;</c>.</summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsTextareaTagHelper(IHtmlGenerator generator) : NhsLabelledFieldTagHelper(generator)
{
    public int Rows { get; set; } = 5;

    protected override TagBuilder CreateControl()
    {
        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass("nhsuk-textarea");
        DescribeControl(textarea, "nhsuk-textarea--error");
        textarea.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
        // Browsers drop one leading newline in a textarea, so one is written to keep the text as typed.
        textarea.InnerHtml.AppendHtml("\n");
        textarea.InnerHtml.Append(CurrentValue ?? "");
        return textarea;
    }
}
