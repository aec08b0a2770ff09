using Commonweal.Procurement.Ocds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Api.Ocds;

/// <summary>
/// Open Contracting Data Standard 1.1 under /ocds: every release as a release package, newest
/// first a page at a time, and each contracting process as a record package with its compiled
/// release. Public, like the notices they publish; drafts have no releases.
/// </summary>
public static class OcdsApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 100;
    private const string Json = "application/json";

    public static void MapOcdsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ocds").WithTags("OCDS").AllowAnonymous();
        group.MapGet("/releases", Releases).WithSummary("A release package of every OCDS release, newest first, a page at a time");
        group.MapGet("/records/{ocid}", Record).WithSummary("A record package: one contracting process's releases and its compiled release");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Releases(
        HttpContext http, OcdsPublication publication, TimeProvider time, int page = 1, int pageSize = DefaultPageSize)
    {
        if (page < 1)
        {
            return ApiProblems.Field("page", "Page must be 1 or more");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblems.Field("pageSize", $"Page size must be from 1 to {MaxPageSize}");
        }

        var cancellationToken = http.RequestAborted;
        var index = await publication.IndexAsync(cancellationToken);
        var pages = Math.Max(1, (index.Count + pageSize - 1) / pageSize);
        if (page > pages)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Page not found", detail: $"There are {pages} pages of releases.");
        }

        var releases = await publication.ReleasesAsync([.. index.Skip((page - 1) * pageSize).Take(pageSize)], cancellationToken);
        string PageUri(int number) => $"{Base(http)}/ocds/releases?page={number}" + (pageSize == DefaultPageSize ? "" : $"&pageSize={pageSize}");
        var published = index.Count > 0 ? index[0].Date : time.GetUtcNow().UtcDateTime;
        var package = OcdsPackages.ReleasePackage(publication.Options, PageUri(page), published, releases,
            next: page < pages ? PageUri(page + 1) : null, prev: page > 1 ? PageUri(page - 1) : null);
        return TypedResults.Content(package.ToJsonString(), Json);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Record(HttpContext http, OcdsPublication publication, string ocid)
    {
        var releases = await publication.RecordReleasesAsync(ocid, http.RequestAborted);
        if (releases.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Record not found",
                detail: $"No contracting process with the ocid '{ocid}' is published here.");
        }

        var package = OcdsPackages.RecordPackage(publication.Options, $"{Base(http)}/ocds/records/{Uri.EscapeDataString(ocid)}", ocid, releases,
            releasesUri: $"{Base(http)}/ocds/releases");
        return TypedResults.Content(package.ToJsonString(), Json);
    }

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
