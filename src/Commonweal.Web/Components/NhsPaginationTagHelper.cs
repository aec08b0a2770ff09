using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Commonweal.Web.Components;

/// <summary>
/// NHS.UK numbered pagination: <c>&lt;nhs-pagination page="2" total-pages="12" href-format="/organisations?page={0}" /&gt;</c>.
/// Nothing when there is only one page.
/// </summary>
[HtmlTargetElement("nhs-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NhsPaginationTagHelper : TagHelper
{
    private const string ArrowLeft = "<svg class=\"nhsuk-icon nhsuk-icon--arrow-left\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" focusable=\"false\" aria-hidden=\"true\"><path d=\"M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z\"/></svg>";
    private const string ArrowRight = "<svg class=\"nhsuk-icon nhsuk-icon--arrow-right\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" focusable=\"false\" aria-hidden=\"true\"><path d=\"m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z\"/></svg>";

    public int Page { get; set; } = 1;

    public int TotalPages { get; set; }

    /// <summary>The navigation's accessible name: two paginations on one page need names of their own.</summary>
    public string Label { get; set; } = "Pagination";

    /// <summary>The address of a page, with {0} where its number goes.</summary>
    public string HrefFormat { get; set; } = "?page={0}";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var page = Math.Clamp(Page, 1, TotalPages);
        output.Become("nav", "nhsuk-pagination nhsuk-pagination--numbered");
        output.Attributes.SetAttribute("role", "navigation");
        output.Attributes.SetAttribute("aria-label", Label);

        if (page > 1)
        {
            output.Content.AppendHtml(Step(page - 1, "previous", "prev", new HtmlString(ArrowLeft), Title("Previous")));
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("nhsuk-pagination__list");
        int? shown = null;
        foreach (var number in Numbers(page))
        {
            if (shown is not null && number > shown + 1)
            {
                var gap = new TagBuilder("li");
                gap.AddCssClass("nhsuk-pagination__item");
                gap.AddCssClass("nhsuk-pagination__item--ellipsis");
                gap.InnerHtml.AppendHtml("&ctdot;");
                list.InnerHtml.AppendHtml(gap);
            }

            list.InnerHtml.AppendHtml(Number(number, number == page));
            shown = number;
        }

        output.Content.AppendHtml(list);
        if (page < TotalPages)
        {
            output.Content.AppendHtml(Step(page + 1, "next", "next", Title("Next"), new HtmlString(ArrowRight)));
        }
    }

    /// <summary>The first and last pages and those either side of the current one.</summary>
    private IEnumerable<int> Numbers(int page) =>
        new[] { 1, page - 1, page, page + 1, TotalPages }.Where(n => n >= 1 && n <= TotalPages).Distinct().Order();

    private string Href(int number) => string.Format(CultureInfo.InvariantCulture, HrefFormat, number);

    private TagBuilder Step(int number, string direction, string rel, IHtmlContent first, IHtmlContent second)
    {
        var link = new TagBuilder("a");
        link.AddCssClass($"nhsuk-pagination__{direction}");
        link.Attributes["href"] = Href(number);
        link.Attributes["rel"] = rel;
        link.InnerHtml.AppendHtml(first).AppendHtml(second);
        return link;
    }

    private static TagBuilder Title(string text)
    {
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("nhsuk-u-visually-hidden");
        hidden.InnerHtml.Append(" page");
        var title = new TagBuilder("span");
        title.AddCssClass("nhsuk-pagination__title");
        title.InnerHtml.Append(text).AppendHtml(hidden);
        return title;
    }

    private TagBuilder Number(int number, bool current)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        var link = new TagBuilder("a");
        link.AddCssClass("nhsuk-pagination__link");
        link.Attributes["href"] = Href(number);
        link.Attributes["aria-label"] = "Page " + text;
        if (current)
        {
            link.Attributes["aria-current"] = "page";
        }

        link.InnerHtml.Append(text);
        var item = new TagBuilder("li");
        item.AddCssClass("nhsuk-pagination__item");
        if (current)
        {
            item.AddCssClass("nhsuk-pagination__item--current");
        }

        item.InnerHtml.AppendHtml(link);
        return item;
    }
}
