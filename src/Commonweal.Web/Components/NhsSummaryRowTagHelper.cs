using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// One row of a summary list: <c>&lt;nhs-summary-row key="Name" value="@Model.Name" change-href="/organisations/edit" /&gt;</c>.
/// Without a value, the row's own content is the value (for markup such as a tag or a list).
/// </summary>
[HtmlTargetElement("nhs-summary-row", ParentTag = "nhs-summary-list")]
public sealed class NhsSummaryRowTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    public string? Value { get; set; }

    public string? ChangeHref { get; set; }

    /// <summary>Completes "Change" for screen readers; the key in lower case when not given.</summary>
    public string? ChangeLabel { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var keyCell = new TagBuilder("dt");
        keyCell.AddCssClass("nhsuk-summary-list__key");
        keyCell.InnerHtml.Append(Key);

        var valueCell = new TagBuilder("dd");
        valueCell.AddCssClass("nhsuk-summary-list__value");
        if (Value is not null)
        {
            valueCell.InnerHtml.Append(Value);
        }
        else
        {
            valueCell.InnerHtml.AppendHtml(await output.GetChildContentAsync());
        }

        output.Become("div", ChangeHref is null ? "nhsuk-summary-list__row nhsuk-summary-list__row--no-actions" : "nhsuk-summary-list__row");
        output.Content.SetHtmlContent(keyCell);
        output.Content.AppendHtml(valueCell);
        if (ChangeHref is not null)
        {
            output.Content.AppendHtml(ChangeAction());
        }
    }

    private TagBuilder ChangeAction()
    {
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("nhsuk-u-visually-hidden");
        hidden.InnerHtml.Append(" " + (ChangeLabel ?? Key.ToLowerInvariant()));
        var link = new TagBuilder("a");
        link.AddCssClass("nhsuk-link");
        link.Attributes["href"] = ChangeHref;
        link.InnerHtml.Append("Change").AppendHtml(hidden);
        var actions = new TagBuilder("dd");
        actions.AddCssClass("nhsuk-summary-list__actions");
        actions.InnerHtml.AppendHtml(link);
        return actions;
    }
}
