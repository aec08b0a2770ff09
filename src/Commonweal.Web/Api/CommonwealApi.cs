using Commonweal.Web.Api.Commissioning;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Api.Ocds;
using Commonweal.Web.Api.Organisations;
using Commonweal.Web.Api.Outcomes;
using Commonweal.Web.Api.Oruk;
using Commonweal.Web.Api.Passport;
using Commonweal.Web.Api.Procurement;
using Commonweal.Web.Api.Referrals;

namespace Commonweal.Web.Api;

public static class CommonwealApi
{
    public static void MapCommonwealApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapOrganisationsApi();
        api.MapAccountsApi();
        api.MapPassportApi();
        api.MapProcurementApi();
        api.MapBidsApi();
        api.MapEvaluationApi();
        api.MapReferralsApi();
        api.MapFhirApi();
        api.MapCarePlanApi();
        api.MapConcernsApi();
        api.MapInsightApi();
        api.MapCommissioningApi();
        api.MapOutcomesApi();
        // Open Referral UK clients expect the API at /oruk/, beside /api rather than under it.
        app.MapOrukApi();
        app.MapOcdsApi();
    }

    /// <summary>Requests answered with ProblemDetails rather than pages.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/oruk") || path.StartsWithSegments("/ocds");
}
