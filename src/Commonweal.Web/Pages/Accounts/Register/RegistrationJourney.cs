using System.Text.Json;
using Commonweal.Organisations;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Commonweal.Web.Pages.Accounts.Register;

/// <summary>
/// The organisation details entered on the first step, carried to the account step in TempData
/// (an encrypted cookie). The password is never carried: it is entered on the last step only.
/// </summary>
public static class RegistrationJourney
{
    private const string Key = "registration";

    public static OrganisationProfile? Load(ITempDataDictionary tempData) =>
        tempData.Peek(Key) is string json ? JsonSerializer.Deserialize<OrganisationProfile>(json) : null;

    public static void Save(ITempDataDictionary tempData, OrganisationProfile profile) =>
        tempData[Key] = JsonSerializer.Serialize(profile);

    public static void Clear(ITempDataDictionary tempData) => tempData.Remove(Key);
}
