using Exclaimer.Reseller;
using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R17: input that cannot be right is refused before anything is written, naming the field: bidi controls and
/// invisible format characters in names, addresses the invitation sender could never deliver, country codes outside
/// ISO 3166-1, and user counts whose sums would overflow.
/// </summary>
public sealed class R17_InputRuleTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData("\u202EdtL osotnoC")] // right-to-left override: shows as "Contoso Ltd" reversed
    [InlineData("Contoso\u200B Ltd")] // zero-width space
    [InlineData("Contoso \u2066Ltd\u2069")] // isolates
    [InlineData("Contoso\u202A Ltd")] // embedding
    [InlineData("\uFEFFContoso")] // byte order mark
    [InlineData("Contoso\u2028Ltd")] // line separator
    public async Task R17_a_name_with_a_hidden_or_direction_character_is_refused_naming_the_field(string name)
    {
        var options = TestEngine.NewWithAccess("hidden");
        options.CustomerName = name;
        var customer = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        options = TestEngine.NewWithAccess("hidden");
        options.ContactName = name;
        var contact = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal("CustomerName", customer.FieldName);
        Assert.Equal("ContactName", contact.FieldName);
        Assert.Contains("U+", customer.Message, StringComparison.Ordinal);
        Assert.Empty(await _engine.Client.GetSubscriptionsAsync().ToListAsync());
    }

    [Fact]
    public async Task R17_a_name_with_half_a_surrogate_pair_is_refused()
    {
        // Built here: xunit's theory data would replace the lone surrogate before the test saw it.
        var options = TestEngine.NewM365("surrogate", "Contoso " + '\uD800' + "Ltd");

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal("CustomerName", error.FieldName);
    }

    [Fact]
    public async Task R17_ordinary_names_in_any_script_are_kept()
    {
        foreach (var name in new[] { "Müller & Söhne GmbH", "株式会社コントソ", "Ελληνική Εταιρεία", "شركة كونتوسو", "O'Brien-Smith Ltd." })
        {
            var options = TestEngine.NewM365(Guid.NewGuid().ToString("N").Substring(0, 10), name);
            var created = await _engine.CreateAsync(options);
            Assert.Equal(name, created.CustomerName);
        }
    }

    [Theory]
    [InlineData("anna\u202E@fabrikam.example")]
    [InlineData("änna@fabrikam.example")] // needs SMTPUTF8, which the invitation sender does not speak
    [InlineData("\"anna de vries\"@fabrikam.example")]
    [InlineData("anna..devries@fabrikam.example")]
    [InlineData(".anna@fabrikam.example")]
    [InlineData("anna@fabrikam")]
    [InlineData("anna@-fabrikam.example")]
    [InlineData("anna@fabrikam..example")]
    [InlineData("Anna <anna@fabrikam.example>")]
    public async Task R17_an_address_the_invitation_could_never_reach_is_refused_naming_the_field(string email)
    {
        var options = TestEngine.NewWithAccess("undeliverable");
        options.ContactEmail = email;

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal("ContactEmail", error.FieldName);
        Assert.Empty(_engine.Invitations.Sent);
    }

    [Fact]
    public async Task R17_an_internationalised_domain_is_delivered_in_its_ascii_form()
    {
        var options = TestEngine.NewWithAccess("idn");
        options.ContactEmail = "anna@bücher.example";

        var created = await _engine.CreateAsync(options);

        Assert.Equal("anna@xn--bcher-kva.example", created.ContactEmail);
        Assert.Equal("anna@xn--bcher-kva.example", Assert.Single(_engine.Invitations.Sent).ToAddress);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    [InlineData("999")]
    [InlineData("EU")]
    public async Task R17_a_country_code_outside_ISO_3166_1_is_refused(string code)
    {
        var options = TestEngine.NewM365("country");
        options.CountryCode = code;

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal("CountryCode", error.FieldName);
    }

    [Fact]
    public async Task R17_UK_is_refused_with_the_code_to_use_instead()
    {
        var options = TestEngine.NewM365("uk");
        options.CountryCode = "UK";

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Contains("GB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NL", DataCenter.EU)]
    [InlineData("nld", DataCenter.EU)]
    [InlineData("528", DataCenter.EU)]
    [InlineData("GBR", DataCenter.UK)]
    [InlineData("826", DataCenter.UK)]
    [InlineData("036", DataCenter.AUS)]
    [InlineData("BR", DataCenter.US)]
    public async Task R17_every_form_of_an_assigned_code_is_accepted_and_picks_the_data_centre(string code, DataCenter expected)
    {
        var options = TestEngine.NewM365("c-" + code);
        options.CountryCode = code;

        var created = await _engine.CreateAsync(options);

        Assert.Equal(expected, created.DataCenter);
        Assert.Equal(code.ToUpperInvariant(), created.CountryCode);
    }

    [Fact]
    public void R17_the_country_table_holds_every_ISO_3166_1_assignment_in_its_three_forms()
    {
        // Regions the platform (ICU) knows that ISO 3166-1 does not assign: Diego Garcia, Ceuta and Melilla, the Canary
        // Islands, Kosovo, Clipperton, Tristan da Cunha.
        string[] notIso = { "DG", "EA", "IC", "XK", "CP", "TA" };
        Assert.Equal(249, CountryCodes.Count);
        foreach (var region in CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(culture => { try { return new RegionInfo(culture.Name); } catch (ArgumentException) { return null; } })
            .Where(region => region is { TwoLetterISORegionName.Length: 2 } && region.TwoLetterISORegionName.All(char.IsLetter) && !notIso.Contains(region.TwoLetterISORegionName)))
        {
            // Every region the platform knows by an ISO code is in the table, under both its letter codes.
            Assert.True(CountryCodes.TryGetAlpha2(region!.TwoLetterISORegionName, out var alpha2), region.TwoLetterISORegionName);
            if (region.ThreeLetterISORegionName.Length == 3)
            {
                Assert.True(CountryCodes.TryGetAlpha2(region.ThreeLetterISORegionName, out var fromAlpha3), region.ThreeLetterISORegionName);
                Assert.Equal(alpha2, fromAlpha3);
            }
        }
    }

    [Theory]
    [InlineData(SubscriptionRules.MaxUserCount + 1)]
    [InlineData(int.MaxValue)]
    public async Task R17_a_user_count_past_the_limit_is_refused_on_create_and_update(int count)
    {
        await _engine.CreateAsync(TestEngine.NewM365("contoso"));
        var options = TestEngine.NewM365("huge");
        options.UserCount = count;

        var create = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));
        var update = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = count }));

        Assert.Equal("UserCount", create.FieldName);
        Assert.Equal("UserCount", update.FieldName);
        Assert.Equal(25, (await _engine.Client.GetSubscriptionAsync("contoso")).UserCount);
    }

    [Fact]
    public async Task R17_a_user_count_that_would_overflow_the_customers_total_is_refused_before_it_is_written()
    {
        // 214 subscriptions of 10 million users is just under int.MaxValue; one more would wrap the customer's total.
        for (var i = 0; i < 214; i++)
        {
            var options = TestEngine.NewM365("big-" + i.ToString(CultureInfo.InvariantCulture), "Giant Corp", SubscriptionRules.MaxUserCount);
            options.Domain = "giant.example";
            await _engine.CreateAsync(options);
        }

        var oneMore = TestEngine.NewM365("big-214", "Giant Corp", SubscriptionRules.MaxUserCount);
        oneMore.Domain = "giant.example";
        var create = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(oneMore));
        await _engine.CreateAsync(new CreateSubscriptionOptions { SubscriptionId = "small", Product = Product.Microsoft365, CustomerName = "Giant Corp", UserCount = 1, Domain = "giant.example" });
        var update = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.UpdateSubscriptionAsync("small", new UpdateSubscriptionOptions { UserCount = SubscriptionRules.MaxUserCount }));

        Assert.Equal("UserCount", create.FieldName);
        Assert.Equal("UserCount", update.FieldName);
        Assert.Contains("more than a total can hold", create.Message, StringComparison.Ordinal);
        var customer = Assert.Single(await _engine.Client.GetCustomersAsync().ToListAsync(), c => c.CustomerId == "giant.example");
        Assert.Equal((214 * SubscriptionRules.MaxUserCount) + 1, customer.UserCount);

        // A cancelled subscription's users leave the total; reactivating it brings them back, so that is refused too.
        await _engine.Client.CancelSubscriptionAsync("big-0");
        await _engine.Client.UpdateSubscriptionAsync("small", new UpdateSubscriptionOptions { UserCount = SubscriptionRules.MaxUserCount });
        var reactivate = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.ReactivateSubscriptionAsync("big-0"));
        Assert.Equal(SubscriptionStatus.Cancelled, (await _engine.Client.GetSubscriptionAsync("big-0")).Status);
        Assert.Equal("UserCount", reactivate.FieldName);
        Assert.Contains("more than a total can hold", reactivate.Message, StringComparison.Ordinal);
    }
}
