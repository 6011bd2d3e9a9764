global using System.Threading.Tasks;
global using Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;
