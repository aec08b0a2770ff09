using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// The NHS.UK error summary for the page's ModelState: <c>&lt;nhs-error-summary /&gt;</c>. Nothing when
/// there are no errors; one link per field error to the field, and errors about the whole form as text.
/// </summary>
[HtmlTargetElement("nhs-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsErrorSummaryTagHelper(IHtmlGenerator generator) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("nhsuk-list");
        list.AddCssClass("nhsuk-error-summary__list");
        // Errors about the whole form come first: they are not next to any field.
        foreach (var (key, entry) in modelState.OrderBy(e => e.Key.Length == 0 ? 0 : 1))
        {
            foreach (var error in entry?.Errors ?? [])
            {
                var item = new TagBuilder("li");
                var text = NhsFieldTagHelper.ErrorText(error);
                if (key.Length == 0)
                {
                    item.InnerHtml.Append(text);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + NhsFieldTagHelper.FieldIdFor(key, generator);
                    link.InnerHtml.Append(text);
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }
        }

        var heading = new TagBuilder("h2");
        heading.AddCssClass("nhsuk-error-summary__heading");
        heading.InnerHtml.Append("There is a problem");
        var body = new TagBuilder("div");
        body.AddCssClass("nhsuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(heading).AppendHtml(body);

        output.Become("div", "nhsuk-error-summary");
        output.Attributes.SetAttribute("data-module", "nhsuk-error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Content.SetHtmlContent(alert);
    }
}
