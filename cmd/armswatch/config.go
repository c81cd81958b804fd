package main

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/ingest"
)

// appConfig is the loaded configuration plus what is built from it once.
type appConfig struct {
	*config.Config
	lexOnce sync.Once
	lex     *lexicon.Lexicon
	lexErr  error
}

// loadConfig finds and loads the config file. When required is false and no file exists, the
// built-in defaults are used (extract works without any configuration).
func loadConfig(explicit string, required bool) (*appConfig, error) {
	cfg, err := loadConfigFile(explicit, required)
	if err != nil {
		return nil, err
	}
	if v := os.Getenv(databaseEnv); v != "" {
		cfg.Database = v
	}
	return cfg, nil
}

func loadConfigFile(explicit string, required bool) (*appConfig, error) {
	path := config.Find(explicit)
	if path == "" {
		if required {
			return nil, usageError("no config.toml here or in $XDG_CONFIG_HOME/armswatch; pass --config FILE")
		}
		return &appConfig{Config: config.Default()}, nil
	}
	c, err := config.Load(path)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			return nil, &exitError{code: exitUsage, err: ce}
		}
		return nil, &exitError{code: exitUsage, err: err}
	}
	return &appConfig{Config: c}, nil
}

// lexicon builds the built-in lexicon extended by the config's additions.
func (c *appConfig) lexicon() (*lexicon.Lexicon, error) {
	c.lexOnce.Do(func() {
		c.lex, c.lexErr = lexicon.New(lexicon.Extra{
			Treaties: c.Lexicon.Treaty, Weapons: c.Lexicon.Weapon, Organizations: c.Lexicon.Organization,
			ReportingVerbs: c.Analysis.ReportingVerbs, Keywords: c.Analysis.Keywords,
		})
		if c.lexErr != nil {
			c.lexErr = &exitError{code: exitUsage, err: fmt.Errorf("%s: lexicon: %w", c.Path, c.lexErr)}
		}
	})
	return c.lex, c.lexErr
}

// applyAnalysis puts the config's analysis additions into extract options.
func (c *appConfig) applyAnalysis(opt *extract.Options) error {
	lex, err := c.lexicon()
	if err != nil {
		return err
	}
	opt.Lexicon = lex
	opt.Profiles = c.ProfileSet
	return nil
}

// ingester is the page-to-row path with the config's analysis additions and per-page deadline;
// its DB is set by the caller once the database is open.
func (c *appConfig) ingester() (*ingest.Ingester, error) {
	in := &ingest.Ingester{Timeout: c.Crawl.AnalysisTimeout.Duration}
	if err := c.applyAnalysis(&in.Base); err != nil {
		return nil, err
	}
	return in, nil
}
