package watch

import (
	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
)

// Notifiers builds the notifiers c configures, by channel name.
func Notifiers(c *config.Config, db store.WatchStore) map[string]Notifier {
	out := map[string]Notifier{}
	if h := c.Notify.Webhook; h != nil {
		out[config.ChannelWebhook] = &Webhook{Config: *h, UserAgent: c.UserAgent}
	}
	if m := c.Notify.Email; m != nil {
		out[config.ChannelEmail] = &Email{Config: *m}
	}
	if f := c.Notify.Feed; f != nil {
		out[config.ChannelFeed] = &Feed{Config: *f, DB: db}
	}
	return out
}
