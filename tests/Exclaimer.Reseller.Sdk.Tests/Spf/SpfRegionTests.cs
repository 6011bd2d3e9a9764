using System;
using Exclaimer.Reseller.Sdk.Spf;
using Xunit;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

public sealed class SpfRegionTests
{
    [Theory]
    [InlineData("EU", "spf.eu.exclaimer.net")]
    [InlineData("UK", "spf.uk.exclaimer.net")]
    [InlineData("US", "spf.us.exclaimer.net")]
    [InlineData("AUS", "spf.au.exclaimer.net")]
    [InlineData("CAN", "spf.ca.exclaimer.net")]
    [InlineData("IND", "spf.uae.exclaimer.net")]
    [InlineData("DE", "spf.eu.exclaimer.net")]
    [InlineData("eu", "spf.eu.exclaimer.net")]
    [InlineData("Aus", "spf.au.exclaimer.net")]
    [InlineData("ind", "spf.uae.exclaimer.net")]
    [InlineData("de", "spf.eu.exclaimer.net")]
    public void R14_the_include_comes_from_the_data_centre(string dataCenterCode, string includeDomain)
    {
        Assert.Equal(includeDomain, SpfRegion.IncludeDomainFor(dataCenterCode));
    }

    [Theory]
    [InlineData("FR")]
    [InlineData("AU")]
    [InlineData("UAE")]
    [InlineData("")]
    [InlineData(" EU")]
    public void R14_an_unknown_data_centre_code_is_refused(string code)
    {
        Assert.Throws<ArgumentOutOfRangeException>("dataCenterCode", () => SpfRegion.IncludeDomainFor(code));
    }

    [Fact]
    public void R14_the_region_include_is_what_the_editor_adds()
    {
        var edit = SpfRecordEditor.AddInclude(
            "v=spf1 include:spf.protection.outlook.com -all", SpfRegion.IncludeDomainFor("IND"), SpfSendingService.Microsoft365);

        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.uae.exclaimer.net -all", edit.ProposedRecord);
    }
}
