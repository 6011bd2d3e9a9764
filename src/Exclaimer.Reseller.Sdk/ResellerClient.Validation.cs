using System;
using Exclaimer.Reseller.Sdk.Rules;

namespace Exclaimer.Reseller.Sdk;

/// <content>The input rules of a change on their own, to preview it (PowerShell's <c>-WhatIf</c>) or check a file first.</content>
public partial class ResellerClient
{
    /// <summary>
    /// Checks a create's input without creating anything: the same input rules (R3-R9, R17), and the same
    /// <see cref="ResellerValidationException"/>, that <see cref="CreateSubscriptionAsync"/> gives before it sends anything,
    /// including what every server needs (the customer's <see cref="CreateSubscriptionOptions.Domain"/>, and an owner for a
    /// subscription without customer access). Nothing is sent or read: whether the id is taken (R9) is for the caller to
    /// look up.
    /// </summary>
    /// <param name="options">The create to check.</param>
    /// <exception cref="ResellerValidationException">An input is missing or malformed; the message names the field and the rule.</exception>
    public virtual void ValidateCreateSubscription(CreateSubscriptionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        SubscriptionRules.ValidateCreate(options, _settings.DefaultCountryCode, _settings.ResellerAdminEmail, _settings.CloudApiCreateRules);
    }

    /// <summary>
    /// Checks a start's deployment choice (R11) for a subscription of <paramref name="product"/> without starting anything:
    /// at least one of server-side, client-side and Exchange on-premises, and Exchange on-premises only for Microsoft 365.
    /// <see cref="StartSubscriptionAsync"/> applies the same rule on a first start; a subscription that is already
    /// configured is not configured again (R12), so the rule does not apply to it.
    /// </summary>
    /// <param name="deployment">The deployment asked for.</param>
    /// <param name="product">The subscription's product.</param>
    /// <exception cref="ResellerValidationException">No deployment option, or Exchange on-premises for Google Workspace.</exception>
    public virtual void ValidateDeployment(DeploymentOptions deployment, Product product) =>
        SubscriptionRules.Deployment(deployment, product);

    /// <summary>
    /// Checks a change's input without changing anything: the same input rules (R13, R17), and the same
    /// <see cref="ResellerValidationException"/>, that <see cref="UpdateSubscriptionAsync"/> gives before it sends
    /// anything. Whether the subscription exists, and whether its state allows the change, is not checked: nothing is read.
    /// </summary>
    /// <param name="options">The change to check.</param>
    /// <exception cref="ResellerValidationException">Nothing to change, or a new value is malformed; the message names the field.</exception>
    public virtual void ValidateUpdateSubscription(UpdateSubscriptionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        SubscriptionRules.ValidateUpdate(options);
    }
}
